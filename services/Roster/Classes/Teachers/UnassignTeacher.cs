namespace Portal.Roster.Classes;

/// <summary>Takes a teacher off a class. A teacher who is not assigned changes nothing.</summary>
public sealed record UnassignTeacher(Guid ClassId, Guid TeacherId, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(UnassignTeacher command, ClassState state) =>
        state.TeacherIds.Contains(command.TeacherId)
            ? [new TeacherUnassignedFromClass(state.Id, command.TeacherId, command.ActorId, command.At.ToUniversalTime())]
            : [];
}
