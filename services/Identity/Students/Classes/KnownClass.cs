namespace Portal.Identity.Students.Classes;

/// <summary>
/// A class as Roster last described it (document id = the class id): its teachers (staff account ids) reach its
/// students, and start cards are printed per class. Newest version wins.
/// </summary>
public sealed record KnownClass(
    Guid Id, Guid SchoolId, string Name, bool Active, IReadOnlyList<Guid> TeacherIds, IReadOnlyList<Guid> StudentIds, long Version)
{
    /// <summary>The teachers whose classes reach each student: only active classes count.</summary>
    public static ILookup<Guid, Guid> TeachersByStudent(IEnumerable<KnownClass> classes) => classes
        .Where(c => c.Active)
        .SelectMany(c => c.StudentIds.SelectMany(student => c.TeacherIds.Select(teacher => (student, teacher))))
        .Distinct()
        .ToLookup(p => p.student, p => p.teacher);
}
