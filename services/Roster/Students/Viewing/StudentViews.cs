using Marten;
using Portal.Roster.Schools;
using Portal.Roster.Staff;

namespace Portal.Roster.Students;

/// <summary>A student in a school's list.</summary>
public sealed record StudentSummary(
    Guid Id, string? MisId, string GivenName, string FamilyName, string YearGroup, string? YearGroupName, string? Email,
    string? StudentInformationNumber, DateOnly? DateLeft, bool Active, StudentSource Source);

/// <summary>One student with the classes they are in and those classes' teachers.</summary>
public sealed record StudentDetails(
    Guid Id, Guid SchoolId, string SchoolName, string? MisId, string GivenName, string FamilyName, string YearGroup,
    string? YearGroupName, string? Email, string? StudentInformationNumber, DateOnly? DateLeft, bool Active, StudentSource Source,
    IReadOnlyList<string> ProductIds, DateTimeOffset EnrolledAt, IReadOnlyList<StudentClass> Classes);

public sealed record StudentClass(Guid Id, string Name, string? Subject, bool Active, IReadOnlyList<ClassTeacher> Teachers);

/// <summary>A class's teacher; name and email are null while Identity has not yet told Roster about the account.</summary>
public sealed record ClassTeacher(Guid Id, string? Name, string? Email);

public static class StudentViews
{
    public static StudentSummary Summary(StudentState s, KnownSchool school) =>
        new(s.Id, s.MisId, s.GivenName, s.FamilyName, s.YearGroup, YearGroupName(school, s.YearGroup), s.Email,
            s.StudentInformationNumber, s.DateLeft, s.Active, s.Source);

    public static async Task<StudentDetails> Details(IQuerySession session, Guid student, CancellationToken cancellation)
    {
        var s = await session.LoadAsync<StudentState>(student, cancellation)
                ?? throw new InvalidOperationException($"Student {student} was just written but cannot be read.");
        var school = await StudentQueries.SchoolOf(session, s.SchoolId, cancellation);
        var classes = await StudentQueries.ClassesOf(session, s.Id, cancellation);
        var teacherIds = classes.SelectMany(c => c.TeacherIds).Distinct().ToArray();
        var staff = teacherIds.Length == 0
            ? new Dictionary<Guid, KnownStaff>()
            : (await session.LoadManyAsync<KnownStaff>(cancellation, teacherIds)).ToDictionary(t => t.Id);
        return new StudentDetails(s.Id, s.SchoolId, school.Name, s.MisId, s.GivenName, s.FamilyName, s.YearGroup,
            YearGroupName(school, s.YearGroup), s.Email, s.StudentInformationNumber, s.DateLeft, s.Active, s.Source, s.Products, s.EnrolledAt,
            classes.Select(c => new StudentClass(c.Id, c.Name, c.Subject, c.Active, c.TeacherIds
                .Select(t => staff.TryGetValue(t, out var known) ? new ClassTeacher(t, known.Name, known.Email) : new ClassTeacher(t, null, null))
                .ToList())).ToList());
    }

    private static string? YearGroupName(KnownSchool school, string yearGroup) =>
        school.YearGroups.FirstOrDefault(y => y.Id == yearGroup)?.Name;
}
