using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

/// <summary>
/// Adds existing students to a class. <paramref name="Students"/> holds the student records found among
/// <paramref name="StudentIds"/>. A student who does not exist, was deleted or is on another school's roll is refused
/// with the same words, so a caller cannot learn about students outside the class's school.
/// </summary>
public sealed record AddStudentsToClass(
    Guid ClassId, IReadOnlyList<Guid> StudentIds, IReadOnlyList<StudentState> Students, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(AddStudentsToClass command, ClassState state)
    {
        var requested = (command.StudentIds ?? []).Distinct().ToList();
        if (requested.Count == 0) throw new ValidationFailed("studentIds", "Name at least one student to add.");

        var found = command.Students.Where(s => !s.Deleted && s.SchoolId == state.SchoolId).ToDictionary(s => s.Id);
        var missing = requested.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw new ValidationFailed("studentIds",
                $"{(missing.Count == 1 ? "Student" : "Students")} {Text.List(missing.Select(id => id.ToString()))} " +
                $"{(missing.Count == 1 ? "is" : "are")} not on the roll of the class's school.");

        var students = requested.Select(id => found[id]).ToList();
        var left = students.Where(s => !s.Active).ToList();
        if (left.Count > 0)
            throw new RuleViolation(
                $"{Text.List(left.Select(Describe))} {(left.Count == 1 ? "has" : "have")} left the school; only students on the roll join a class.");
        if (!state.Active) throw new RuleViolation($"Class '{state.Name}' is inactive; activate it before adding students.");

        var (actor, at) = (command.ActorId, command.At.ToUniversalTime());
        return [.. students.Where(s => !state.StudentIds.Contains(s.Id)).Select(s => new StudentAddedToClass(state.Id, s.Id, actor, at))];
    }

    private static string Describe(StudentState student) => $"{student.GivenName} {student.FamilyName} ({student.Id})";
}
