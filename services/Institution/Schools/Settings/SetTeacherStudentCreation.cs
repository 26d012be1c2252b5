namespace Portal.Institution.Schools;

/// <summary>Whether teachers may create students by hand (otherwise students come from the MIS or an administrator).</summary>
public sealed record SetTeacherStudentCreation(Guid SchoolId, bool Allowed, Guid ActorId, DateTimeOffset At);

public sealed record TeacherStudentCreationSet(Guid SchoolId, bool Allowed, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public static object[] Decide(SetTeacherStudentCreation command, SchoolState state) =>
        command.Allowed == state.TeacherStudentCreationAllowed
            ? []
            : [new TeacherStudentCreationSet(state.Id, command.Allowed, command.ActorId, command.At.ToUniversalTime())];
}
