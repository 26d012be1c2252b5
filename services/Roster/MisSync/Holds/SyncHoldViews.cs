namespace Portal.Roster.MisSync;

/// <summary>A held roll in a school's list: what it would do and what became of it.</summary>
public sealed record SyncHoldSummary(
    Guid Id, Guid SchoolId, SyncHoldStatus Status, DateTimeOffset SyncedAt, DateTimeOffset HeldAt, int StudentsInBatch, int WouldLeave,
    int TotalActive, double MaximumLeaverShare, Guid? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static SyncHoldSummary Of(SyncHoldState h) => new(h.Id, h.SchoolId, h.Status, h.SyncedAt, h.HeldAt, h.StudentsInBatch,
        h.WouldLeave.Count, h.TotalActive, h.MaximumLeaverShare, h.DecidedBy, h.DecidedAt);
}

/// <summary>A held roll with the students it would mark as left, as they were when it was held.</summary>
public sealed record SyncHoldDetails(
    Guid Id, Guid SchoolId, SyncHoldStatus Status, DateTimeOffset SyncedAt, DateTimeOffset HeldAt, int StudentsInBatch, int WouldLeave,
    int TotalActive, double MaximumLeaverShare, Guid? DecidedBy, DateTimeOffset? DecidedAt, IReadOnlyList<HeldLeaver> WouldLeaveStudents)
{
    public static SyncHoldDetails Of(SyncHoldState h) => new(h.Id, h.SchoolId, h.Status, h.SyncedAt, h.HeldAt, h.StudentsInBatch,
        h.WouldLeave.Count, h.TotalActive, h.MaximumLeaverShare, h.DecidedBy, h.DecidedAt, h.WouldLeave);
}

/// <summary>What applying a held roll did (records older than one applied since change nothing).</summary>
public sealed record AppliedRoll(int Enrolled, int Changed, int Left, int Unchanged, int Stale)
{
    public static AppliedRoll Of(RollPlan plan) => new(plan.Enrolled, plan.Changed, plan.Left, plan.Unchanged, plan.Stale);
}

public sealed record AppliedSyncHold(SyncHoldDetails Hold, AppliedRoll Applied);
