using Portal.Roster.Staff;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

/// <summary>
/// Assigns one or more teachers to a class. <paramref name="KnownStaff"/> holds the staff accounts Roster knows among
/// <paramref name="TeacherIds"/> (from Identity's messages); every teacher must be one of them, active, and belong to
/// the class's school. A teacher the MIS was waiting for by email is no longer awaited once assigned.
/// </summary>
public sealed record AssignTeachers(
    Guid ClassId, IReadOnlyList<Guid> TeacherIds, IReadOnlyList<KnownStaff> KnownStaff, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(AssignTeachers command, ClassState state)
    {
        var requested = (command.TeacherIds ?? []).Distinct().ToList();
        if (requested.Count == 0) throw new ValidationFailed("teacherIds", "Name at least one teacher to assign.");

        var known = command.KnownStaff.ToDictionary(s => s.Id);
        var unknown = requested.Where(id => !known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailed("teacherIds", $"There is no staff account {Text.List(unknown.Select(id => id.ToString()), "or")}.");

        var teachers = requested.Select(id => known[id]).ToList();
        var inactive = teachers.Where(t => !t.Active).ToList();
        if (inactive.Count > 0)
            throw new RuleViolation($"{Text.List(inactive.Select(Describe))} {(inactive.Count == 1 ? "is" : "are")} deactivated and cannot be assigned to a class.");
        var elsewhere = teachers.Where(t => !t.IsTeacherIn(state.SchoolId)).ToList();
        if (elsewhere.Count > 0)
            throw new RuleViolation(
                $"{Text.List(elsewhere.Select(Describe))} {(elsewhere.Count == 1 ? "does" : "do")} not belong to the school of class '{state.Name}'.");
        if (!state.Active) throw new RuleViolation($"Class '{state.Name}' is inactive; activate it before assigning teachers.");

        var (actor, at) = (command.ActorId, command.At.ToUniversalTime());
        var events = new List<object>();
        foreach (var teacher in teachers.Where(t => !state.TeacherIds.Contains(t.Id)))
        {
            events.Add(new TeacherAssignedToClass(state.Id, teacher.Id, actor, at));
            if (state.AwaitedTeacherEmails.Contains(teacher.Email))
                events.Add(new TeacherNoLongerAwaited(state.Id, teacher.Email, actor, at));
        }
        return [.. events];
    }

    private static string Describe(KnownStaff staff) => $"{staff.Name} ({staff.Id})";
}
