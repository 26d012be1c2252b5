using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.StudentsApi;

/// <summary>
/// A fresh organisation with two schools. In school A a teacher teaches two classes, the first holding OwnStudent;
/// a colleague's class holds OtherStudent. School B has two classes, the first holding FarStudent.
/// </summary>
public sealed record TwoSchools(
    Given Given, Guid SchoolA, Guid SchoolB, Guid Teacher, Guid TeachersClass, Guid TeachersOtherClass, Guid ColleaguesClass,
    Guid SchoolBClass, Guid SchoolBOtherClass, Guid OwnStudent, Guid OtherStudent, Guid FarStudent)
{
    public Guid Org => Given.Org;

    /// <param name="left">When given, the three students have left on that date (inactive).</param>
    /// <param name="rulesA">School A's rules for hand-entered students.</param>
    public static async Task<TwoSchools> Arrange(RosterApi api, DateOnly? left = null, StudentRosterRules? rulesA = null)
    {
        var given = new Given(api);
        var a = await given.School("Northfield Academy", rulesA);
        var b = await given.School("Southfield Academy");
        var teacher = await given.Teacher(a);
        var colleague = await given.Teacher(a);
        var own = await given.Student(a, left: left, givenName: "Ada", familyName: "Lovelace");
        var other = await given.Student(a, left: left, givenName: "Grace", familyName: "Hopper");
        var far = await given.Student(b, left: left, givenName: "Alan", familyName: "Turing");
        return new TwoSchools(given, a, b, teacher,
            await given.Class(a, [teacher], [own], "7A Maths"),
            await given.Class(a, [teacher], [], "7B Maths"),
            await given.Class(a, [colleague], [other], "7C Maths"),
            await given.Class(b, [], [far], "7A English"),
            await given.Class(b, [], [], "7B English"),
            own, other, far);
    }

    /// <summary>The class as a member of staff would leave it after deactivating it.</summary>
    public async Task Deactivate(RosterApi api, Guid @class)
    {
        await using var session = api.Store.LightweightSession(Org.ToString());
        session.Events.Append(@class, new ClassDeactivated(@class, null, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }
}
