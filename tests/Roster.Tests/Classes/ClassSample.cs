// Lives beside the class API tests; its namespace is the decider tests', which use it.
using Portal.Roster.Classes;
using Portal.Roster.Staff;
using Portal.Roster.Students;

namespace Portal.Roster.Tests.Deciders;

/// <summary>A class of a school and the people around it, for the class decider tests.</summary>
public static class ClassSample
{
    public static readonly Guid ClassId = new("3c1f0a2b-0000-4000-8000-00000000c1a5");
    public static readonly Guid SchoolId = new("3c1f0a2b-0000-4000-8000-0000000005c1");
    public static readonly Guid OtherSchoolId = new("3c1f0a2b-0000-4000-8000-0000000005c2");
    public static readonly Guid Admin = new("3c1f0a2b-0000-4000-8000-0000000000ad");
    public static readonly DateTimeOffset Earlier = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset At = new(2026, 9, 14, 9, 30, 0, TimeSpan.Zero);

    public static ClassCreated Created(ClassSource source = ClassSource.Staff) =>
        new(ClassId, SchoolId, source == ClassSource.Mis ? "CLS-7A" : null, "7A Maths", "Maths", source, Admin, Earlier);

    public static KnownStaff Teacher(string familyName, Guid? school = null, bool active = true) =>
        new(Guid.NewGuid(), $"{familyName.ToLowerInvariant()}@school.example", "Sam", familyName, "teacher", [school ?? SchoolId], active, 1);

    public static StudentState Student(string givenName, string familyName, Guid? school = null, DateOnly? left = null, bool deleted = false) =>
        new(Guid.NewGuid(), school ?? SchoolId, null, givenName, familyName, "Y7", null, null, left, deleted, StudentSource.Mis, [], Earlier);
}
