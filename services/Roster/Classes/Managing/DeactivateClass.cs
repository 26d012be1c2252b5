namespace Portal.Roster.Classes;

/// <summary>
/// Takes a class out of use (e.g. at the end of the school year). It keeps its members, but no longer gives its teachers
/// reach over its students, and takes no new members until it is activated again.
/// </summary>
public sealed record DeactivateClass(Guid ClassId, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(DeactivateClass command, ClassState state) =>
        state.Active ? [new ClassDeactivated(state.Id, command.ActorId, command.At.ToUniversalTime())] : [];
}
