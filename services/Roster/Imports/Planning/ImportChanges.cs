using Portal.Roster.Classes;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.Planning;

/// <summary>What an updated row changes, in words for the report.</summary>
public static class ImportChanges
{
    public static string OfStudent(IEnumerable<object> events) => Sentence(events.Select(e => e switch
    {
        StudentReturned => "returns to the roll",
        StudentDetailsChanged => "names or student information number change",
        StudentEmailChanged => "email changes",
        StudentYearGroupChanged changed => $"year group becomes {changed.YearGroup}",
        StudentLeft left => $"leaves on {Text.Date(left.DateLeft)}",
        _ => null,
    }).OfType<string>());

    public static string OfClass(IReadOnlyList<object> events)
    {
        string? Count<T>(string one, string many)
        {
            var n = events.OfType<T>().Count();
            return n switch { 0 => null, 1 => $"1 {one}", _ => $"{n} {many}" };
        }

        return Sentence(new[]
        {
            events.OfType<ClassRenamed>().Any() ? "renamed" : null,
            events.OfType<ClassActivated>().Any() ? "activated" : null,
            events.OfType<ClassDeactivated>().Any() ? "deactivated" : null,
            Count<StudentAddedToClass>("student joins", "students join"),
            Count<StudentRemovedFromClass>("student the file does not enrol leaves", "students the file does not enrol leave"),
            Count<TeacherAssignedToClass>("teacher is assigned", "teachers are assigned"),
            Count<TeacherUnassignedFromClass>("teacher the file does not enrol is unassigned", "teachers the file does not enrol are unassigned"),
            Count<TeacherAwaitingAccount>("teacher is awaited by email", "teachers are awaited by email"),
            Count<TeacherNoLongerAwaited>("awaited teacher is no longer awaited", "awaited teachers are no longer awaited"),
        }.OfType<string>());
    }

    private static string Sentence(IEnumerable<string> parts)
    {
        var text = Text.List(parts);
        return text.Length == 0 ? "" : $"{char.ToUpperInvariant(text[0])}{text[1..]}.";
    }
}
