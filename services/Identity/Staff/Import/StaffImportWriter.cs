using Marten;
using Npgsql;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Staff;

/// <summary>
/// Saves the decided rows in batches (one transaction each), and when a batch fails saves its rows one by one, so a
/// row that loses a race (its email taken meanwhile) fails alone and the others stand.
/// </summary>
public sealed class StaffImportWriter(IDocumentStore store, string tenant)
{
    private const int BatchSize = 100;

    public async Task<IReadOnlyList<StaffImportRow>> WriteAsync(IReadOnlyList<ImportStep> steps, CancellationToken cancellation)
    {
        var results = steps.Select(s => s.Result).ToArray();
        var writes = steps.Select((step, index) => (step, index)).Where(s => s.step.Writes).ToList();
        foreach (var batch in writes.Chunk(BatchSize))
        {
            try
            {
                await SaveAsync(batch.Select(b => b.step), cancellation);
            }
            catch (Exception e) when (IsRowFailure(e))
            {
                foreach (var (step, index) in batch)
                {
                    try
                    {
                        await SaveAsync([step], cancellation);
                    }
                    catch (Exception rowFailure) when (IsRowFailure(rowFailure))
                    {
                        results[index] = step.Result with { Outcome = ImportOutcome.Failed, Reason = Reason(rowFailure, step.Result.Email) };
                    }
                }
            }
        }
        return results;
    }

    private async Task SaveAsync(IEnumerable<ImportStep> steps, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(tenant);
        foreach (var step in steps)
        {
            var id = step.Result.AccountId!.Value;
            if (step.Registered is { } registered)
            {
                session.Events.StartStream(id, registered);
                continue;
            }
            // Decided again on the account as it is now: it may have changed since the plan read it.
            var stream = await session.Events.FetchForWriting<StaffAccountState>(id, cancellation);
            stream.AppendMany(StaffAccount.Decide(step.Edit!, stream.Aggregate));
        }
        await session.SaveChangesAsync(cancellation);
    }

    private static bool IsRowFailure(Exception e) =>
        Refusal(e) is not null || UniqueViolation(e) is not null
        || e is JasperFx.ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException;

    private static string Reason(Exception e, string? email) => (Refusal(e), UniqueViolation(e)) switch
    {
        ({ } refusal, _) => refusal.Message,
        (_, { } unique) when $"{unique.ConstraintName} {unique.TableName}".Contains("email", StringComparison.OrdinalIgnoreCase)
                             || $"{unique.TableName}".Contains("signinname", StringComparison.OrdinalIgnoreCase) =>
            $"The email '{email}' was taken by another account while the file was imported.",
        _ => "Another change to this account was saved at the same time; import the row again.",
    };

    /// <summary>A decider's refusal, also when an inline projection raised it during the save and the store wrapped it.</summary>
    private static Exception? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is ValidationFailed or Forbidden or RuleViolation or NotFound)
                return e;
        return null;
    }

    private static PostgresException? UniqueViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
                return unique;
        return null;
    }
}
