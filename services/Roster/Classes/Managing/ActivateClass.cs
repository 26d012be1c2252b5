namespace Portal.Roster.Classes;

/// <summary>Brings a deactivated class back into use, with the teachers and students it had.</summary>
public sealed record ActivateClass(Guid ClassId, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(ActivateClass command, ClassState state) =>
        state.Active ? [] : [new ClassActivated(state.Id, command.ActorId, command.At.ToUniversalTime())];
}
