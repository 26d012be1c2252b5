namespace Portal.Roster.MisSync;

// The events of a held full-roll batch: held by the sync guard, then applied or rejected by a member of staff, or
// superseded by a newer full roll of the same school.

/// <summary>A student the held roll would mark as left, as they were when it was held.</summary>
public sealed record HeldLeaver(Guid StudentId, string? MisId, string GivenName, string FamilyName, string YearGroup);

public sealed record SyncRollHeld(
    Guid HoldId, Guid SchoolId, DateTimeOffset SyncedAt, int StudentsInBatch, int TotalActive, IReadOnlyList<HeldLeaver> WouldLeave,
    double MaximumLeaverShare, DateTimeOffset At);

public sealed record SyncHoldApplied(Guid HoldId, Guid ActorId, DateTimeOffset At);

public sealed record SyncHoldRejected(Guid HoldId, Guid ActorId, DateTimeOffset At);

public sealed record SyncHoldSuperseded(Guid HoldId, DateTimeOffset NewerRollSyncedAt, DateTimeOffset At);
