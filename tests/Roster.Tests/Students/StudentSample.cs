using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.Roster.Students;

namespace Portal.Roster.Tests.StudentsApi;

/// <summary>Fixed ids, times, schools and opening events the student decider tests build on.</summary>
public static class StudentSample
{
    public static readonly Guid SchoolId = Guid.Parse("5c000000-0000-0000-0000-000000000001");
    public static readonly Guid OtherSchoolId = Guid.Parse("5c000000-0000-0000-0000-000000000002");
    public static readonly Guid StudentId = Guid.Parse("57000000-0000-0000-0000-000000000001");
    public static readonly Guid ClassId = Guid.Parse("c1000000-0000-0000-0000-000000000001");
    public static readonly Guid OtherClassId = Guid.Parse("c1000000-0000-0000-0000-000000000002");
    public static readonly Guid Teacher = Guid.Parse("7e000000-0000-0000-0000-000000000001");
    public static readonly Guid Admin = Guid.Parse("ad000000-0000-0000-0000-000000000001");

    public static readonly DateTimeOffset Earlier = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset At = new(2026, 9, 1, 8, 30, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 9, 1);

    public static KnownSchool School(StudentRosterRules? rules = null) =>
        new(SchoolId, "Northfield Academy", "137001",
            [new KnownYearGroup("R", "Reception"), .. Enumerable.Range(1, 13).Select(n => new KnownYearGroup($"Y{n}", $"Year {n}"))],
            1, rules ?? StudentRosterRules.Default, 1);

    /// <summary>A primary school: Reception to Year 6 only.</summary>
    public static KnownSchool OtherSchool() =>
        new(OtherSchoolId, "Southfield Primary", "137002",
            [new KnownYearGroup("R", "Reception"), .. Enumerable.Range(1, 6).Select(n => new KnownYearGroup($"Y{n}", $"Year {n}"))],
            1, StudentRosterRules.Default, 1);

    public static StudentRosterRules Rules(bool teachersMayCreate = false, bool numberRequired = false, int minimumLength = 0,
        bool numericOnly = false) => new(teachersMayCreate, numberRequired, minimumLength, numericOnly);

    public static StudentEnrolled Enrolled(StudentSource source = StudentSource.Staff, string yearGroup = "Y7", string? email = null,
        string? number = null) =>
        new(StudentId, SchoolId, source == StudentSource.Mis ? "MIS-1" : null, "Ada", "Lovelace", yearGroup, email, number, source,
            source == StudentSource.Mis ? null : Admin, Earlier);

    public static StudentLeft Left(DateOnly? date = null) => new(StudentId, date ?? new DateOnly(2026, 7, 20), Admin, Earlier);

    public static StudentState StudentWith(params object[] after) => DeciderSpec<StudentState>.StateAfter([Enrolled(), .. after]);

    /// <summary>An active class of the school (or another) with these teachers and students.</summary>
    public static ClassState SchoolClass(Guid? id = null, Guid? school = null, Guid[]? teachers = null, Guid[]? students = null,
        bool active = true, string name = "7A Maths")
    {
        var classId = id ?? ClassId;
        object[] events =
        [
            new ClassCreated(classId, school ?? SchoolId, null, name, "Maths", ClassSource.Staff, Admin, Earlier),
            .. (teachers ?? []).Select(t => new TeacherAssignedToClass(classId, t, Admin, Earlier)),
            .. (students ?? []).Select(s => new StudentAddedToClass(classId, s, Admin, Earlier)),
            .. active ? Array.Empty<object>() : [new ClassDeactivated(classId, Admin, Earlier)],
        ];
        return DeciderSpec<ClassState>.StateAfter(events);
    }
}
