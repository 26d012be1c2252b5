namespace Portal.Roster.MisSync;

/// <summary>A member of staff lets the held roll through: it runs as a normal full-roll sync.</summary>
public sealed record ApplySyncHold(Guid HoldId, Guid ActorId, DateTimeOffset At);

public static partial class SyncHold
{
    public static object[] Decide(ApplySyncHold command, SyncHoldState state)
    {
        EnsurePending(state);
        return [new SyncHoldApplied(state.Id, command.ActorId, command.At.ToUniversalTime())];
    }
}
