namespace Portal.Roster.MisSync;

public enum SyncHoldStatus { Pending, Applied, Rejected, Superseded }

/// <summary>
/// A full-roll batch the sync guard held, with what it would have done and who decided what, when. Marten keeps it as
/// an inline snapshot through the public Create/Apply methods.
/// </summary>
public sealed record SyncHoldState(
    Guid Id,
    Guid SchoolId,
    DateTimeOffset SyncedAt,
    DateTimeOffset HeldAt,
    int StudentsInBatch,
    int TotalActive,
    IReadOnlyList<HeldLeaver> WouldLeave,
    double MaximumLeaverShare,
    SyncHoldStatus Status,
    Guid? DecidedBy,
    DateTimeOffset? DecidedAt)
{
    public static SyncHoldState Create(SyncRollHeld e) => new(
        e.HoldId, e.SchoolId, e.SyncedAt, e.At, e.StudentsInBatch, e.TotalActive, e.WouldLeave, e.MaximumLeaverShare,
        SyncHoldStatus.Pending, DecidedBy: null, DecidedAt: null);

    public SyncHoldState Apply(SyncHoldApplied e) => this with { Status = SyncHoldStatus.Applied, DecidedBy = e.ActorId, DecidedAt = e.At };

    public SyncHoldState Apply(SyncHoldRejected e) => this with { Status = SyncHoldStatus.Rejected, DecidedBy = e.ActorId, DecidedAt = e.At };

    public SyncHoldState Apply(SyncHoldSuperseded e) => this with { Status = SyncHoldStatus.Superseded, DecidedBy = null, DecidedAt = e.At };
}
