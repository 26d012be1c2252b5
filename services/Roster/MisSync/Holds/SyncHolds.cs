using Marten;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.MisSync;

/// <summary>Holding a full roll, and superseding older held rolls of the school when a newer full roll arrives.</summary>
public static class SyncHolds
{
    private static readonly Guid HoldIds = new("3e8b51c2-9d04-4f6a-b7e3-1c5a92d0f486");

    /// <summary>The hold of a batch message: a redelivery of the same message finds the same hold.</summary>
    public static Guid IdFor(Guid messageId) => NameBasedGuid.Create(HoldIds, messageId.ToString("N"));

    public static void Hold(IDocumentSession session, Guid holdId, MisStudentsBatchSynced batch, RollPlan plan, double maximumShare)
    {
        var leavers = plan.WouldLeave
            .Select(s => new HeldLeaver(s.Id, s.MisId, s.GivenName, s.FamilyName, s.YearGroup))
            .OrderBy(l => l.FamilyName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.GivenName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var held = SyncHold.Decide(new HoldSyncRoll(holdId, batch.SchoolId, batch.SyncedAt, batch.Students.Count, plan.TotalActive, leavers,
            maximumShare, DateTimeOffset.UtcNow), state: null);
        session.Events.StartStream<SyncHoldState>(holdId, held);
        session.Store(new HeldRoll(holdId, batch.SchoolId, batch.SyncedAt.ToUniversalTime(), batch.Students));
    }

    public static async Task SupersedeOlderAsync(IDocumentSession session, Guid school, DateTimeOffset syncedAt, CancellationToken cancellation)
    {
        var pending = await session.Query<SyncHoldState>()
            .Where(h => h.SchoolId == school && h.Status == SyncHoldStatus.Pending)
            .ToListAsync(cancellation);
        foreach (var hold in pending.Where(h => h.SyncedAt < syncedAt))
        {
            var stream = await session.Events.FetchForWriting<SyncHoldState>(hold.Id, cancellation);
            stream.AppendMany(SyncHold.Decide(new SupersedeSyncHold(hold.Id, syncedAt, DateTimeOffset.UtcNow), stream.Aggregate!));
            session.Delete<HeldRoll>(hold.Id);
        }
    }
}
