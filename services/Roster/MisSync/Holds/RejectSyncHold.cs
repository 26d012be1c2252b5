namespace Portal.Roster.MisSync;

/// <summary>A member of staff turns the held roll down: nothing of it is applied.</summary>
public sealed record RejectSyncHold(Guid HoldId, Guid ActorId, DateTimeOffset At);

public static partial class SyncHold
{
    public static object[] Decide(RejectSyncHold command, SyncHoldState state)
    {
        EnsurePending(state);
        return [new SyncHoldRejected(state.Id, command.ActorId, command.At.ToUniversalTime())];
    }
}
