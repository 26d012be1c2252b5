namespace Portal.Roster.MisSync;

/// <summary>Hold a full roll for a staff decision instead of applying it (the sync guard's call).</summary>
public sealed record HoldSyncRoll(
    Guid HoldId, Guid SchoolId, DateTimeOffset SyncedAt, int StudentsInBatch, int TotalActive, IReadOnlyList<HeldLeaver> WouldLeave,
    double MaximumLeaverShare, DateTimeOffset At);

public static partial class SyncHold
{
    /// <summary>Holding the same roll again (a redelivery) records nothing.</summary>
    public static object[] Decide(HoldSyncRoll command, SyncHoldState? state) => state is not null
        ? []
        : [new SyncRollHeld(command.HoldId, command.SchoolId, command.SyncedAt.ToUniversalTime(), command.StudentsInBatch, command.TotalActive,
            command.WouldLeave, command.MaximumLeaverShare, command.At.ToUniversalTime())];
}
