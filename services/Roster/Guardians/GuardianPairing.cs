using Marten;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Guardians;

/// <summary>
/// Who may see whom: one guardian and one student as AccessCode last described them (GuardianPaired,
/// GuardianAccessRevoked). Kept outside any tenant, since a guardian's children may sit in several organisations.
/// A revocation stays as a document with <see cref="Paired"/> false, so its version still outranks a pairing that
/// arrives late.
/// </summary>
public sealed record GuardianPairing(
    Guid Id, Guid GuardianId, Guid OrganisationId, Guid StudentId, Guid SchoolId, bool Paired, long Version)
{
    private static readonly Guid Namespace = new("0b8f1d3e-7c42-4e59-a1d6-5e93c7b2f804");

    public static Guid IdOf(Guid guardian, Guid student) => NameBasedGuid.Create(Namespace, $"{guardian:N}/{student:N}");
}

public static class GuardianPairings
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<GuardianPairing>().SingleTenanted();
        options.Schema.For<GuardianPairing>().Index(p => p.GuardianId);
        // Pairings and revocations arrive on two queues: a lost race is retried against what the winner wrote.
        options.Schema.For<GuardianPairing>().UseOptimisticConcurrency(true);
    }

    /// <summary>Records what the message says unless the pair already reflects this version of the student's codes or a newer one.</summary>
    public static async Task NoteAsync(IDocumentSession session, GuardianPairing described, CancellationToken cancellation)
    {
        var known = await session.LoadAsync<GuardianPairing>(described.Id, cancellation);
        if (known is null) session.Insert(described);
        else if (known.Version < described.Version) session.Store(described);
    }

    /// <summary>The students the guardian is paired with now, in every organisation.</summary>
    public static async Task<IReadOnlyList<GuardianPairing>> CurrentOf(IQuerySession session, Guid guardian, CancellationToken cancellation) =>
        await session.Query<GuardianPairing>().Where(p => p.GuardianId == guardian && p.Paired).ToListAsync(cancellation);

    public static async Task<GuardianPairing?> CurrentOf(IQuerySession session, Guid guardian, Guid student, CancellationToken cancellation) =>
        await session.LoadAsync<GuardianPairing>(GuardianPairing.IdOf(guardian, student), cancellation) is { Paired: true } pairing
            ? pairing
            : null;
}
