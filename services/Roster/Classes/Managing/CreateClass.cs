using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

/// <summary>
/// A member of staff creates a class or group in a school. When a teacher creates it, they become its teacher, so the
/// class is theirs to manage at once.
/// </summary>
public sealed record CreateClass(
    Guid ClassId, Guid SchoolId, string? Name, string? Subject, Guid? CreatingTeacherId, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(CreateClass command, ClassState? state)
    {
        if (state is not null) throw new RuleViolation($"Class {command.ClassId} already exists.");
        var name = ValidName(command.Name);
        var subject = ValidSubject(command.Subject);
        var (id, actor, at) = (command.ClassId, command.ActorId, command.At.ToUniversalTime());

        object created = new ClassCreated(id, command.SchoolId, MisClassId: null, name, subject, ClassSource.Staff, actor, at);
        return command.CreatingTeacherId is { } teacher ? [created, new TeacherAssignedToClass(id, teacher, actor, at)] : [created];
    }
}
