using Marten;
using Npgsql;

namespace Portal.Billing.Ledger;

/// <summary>
/// A PostgreSQL advisory lock per organisation, taken inside the session's transaction and released by its commit.
/// A student's transition holds it shared (students re-decide side by side); a term-calendar change holds it
/// exclusively, so neither can decide against the other's old copy and leave a charge stale; issuing an invoice holds it
/// exclusively, so the transitions recorded before the invoice's event are exactly those it counted. Holds across replicas.
/// </summary>
public static class LedgerLocks
{
    public static Task ShareAsync(IDocumentSession session, Guid organisation, CancellationToken cancellation) =>
        LockAsync(session, "pg_advisory_xact_lock_shared", organisation, cancellation);

    public static Task ExcludeAsync(IDocumentSession session, Guid organisation, CancellationToken cancellation) =>
        LockAsync(session, "pg_advisory_xact_lock", organisation, cancellation);

    private static async Task LockAsync(IDocumentSession session, string function, Guid organisation, CancellationToken cancellation)
    {
        await session.BeginTransactionAsync(cancellation);
        await using var command = new NpgsqlCommand($"select {function}($1)", (NpgsqlConnection)session.Connection!);
        command.Parameters.Add(new NpgsqlParameter { Value = KeyOf(organisation) });
        await command.ExecuteNonQueryAsync(cancellation);
    }

    // Mixed with a constant so the key cannot meet another lock derived from the same organisation id elsewhere.
    private static long KeyOf(Guid organisation)
    {
        var bytes = organisation.ToByteArray();
        return BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8) ^ 0x4C65646765724C6BL;
    }
}
