namespace Portal.Roster.MisSync;

/// <summary>A newer full roll of the school arrived: the older held one will never be the school's roll again.</summary>
public sealed record SupersedeSyncHold(Guid HoldId, DateTimeOffset NewerRollSyncedAt, DateTimeOffset At);

public static partial class SyncHold
{
    /// <summary>Only a pending hold of an older roll is superseded; anything else records nothing.</summary>
    public static object[] Decide(SupersedeSyncHold command, SyncHoldState state) =>
        state.Status == SyncHoldStatus.Pending && state.SyncedAt < command.NewerRollSyncedAt
            ? [new SyncHoldSuperseded(state.Id, command.NewerRollSyncedAt.ToUniversalTime(), command.At.ToUniversalTime())]
            : [];
}
