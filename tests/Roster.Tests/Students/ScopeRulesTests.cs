using System.Net;
using Portal.Roster.Schools;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.StudentsApi;

/// <summary>Who reaches which student, row by row of the chart's "Managing student accounts" section.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class ScopeRulesTests(RosterApi api)
{
    public enum Action { View, Edit, Move, Delete, AssignProducts }

    public enum Caller
    {
        DistrictAdministratorInAnySchool, CustomerAdministratorInAnySchool, BuildingAdministratorInOwnSchool,
        BuildingAdministratorInAnotherSchool, TeacherForStudentInTheirClass, TeacherForStudentOutsideTheirClasses,
        AdministratorOfAnotherOrganisation, StudentAccount,
    }

    public static TheoryData<Action, Caller, HttpStatusCode> StudentActions()
    {
        var data = new TheoryData<Action, Caller, HttpStatusCode>();
        foreach (var action in Enum.GetValues<Action>())
        {
            var ok = action == Action.Delete ? HttpStatusCode.NoContent : HttpStatusCode.OK;
            data.Add(action, Caller.DistrictAdministratorInAnySchool, ok);
            data.Add(action, Caller.CustomerAdministratorInAnySchool, ok);
            data.Add(action, Caller.BuildingAdministratorInOwnSchool, ok);
            data.Add(action, Caller.BuildingAdministratorInAnotherSchool, HttpStatusCode.NotFound);
            data.Add(action, Caller.TeacherForStudentInTheirClass, ok);
            data.Add(action, Caller.TeacherForStudentOutsideTheirClasses, HttpStatusCode.NotFound);
            data.Add(action, Caller.AdministratorOfAnotherOrganisation, HttpStatusCode.NotFound);
            data.Add(action, Caller.StudentAccount, HttpStatusCode.Forbidden);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StudentActions))]
    public async Task Each_action_on_a_student_reaches_exactly_the_charts_scope(Action action, Caller caller, HttpStatusCode expected)
    {
        // Only inactive students may be deleted, so that row starts from students who have left.
        var roster = await TwoSchools.Arrange(api, left: action == Action.Delete ? new DateOnly(2026, 7, 20) : null);
        var (client, student) = Reach(roster, caller);
        var (fromClass, toClass) = student == roster.FarStudent
            ? (roster.SchoolBClass, roster.SchoolBOtherClass)
            : student == roster.OtherStudent ? (roster.ColleaguesClass, roster.TeachersOtherClass) : (roster.TeachersClass, roster.TeachersOtherClass);

        var response = action switch
        {
            Action.View => await client.GetAsync($"/students/{student}"),
            Action.Edit => await client.Put($"/students/{student}", new { givenName = "Augusta", familyName = "King", yearGroup = "Y7" }),
            Action.Move => await client.Post($"/students/{student}/move", new { fromClassId = fromClass, toClassId = toClass }),
            Action.Delete => await client.DeleteAsync($"/students/{student}"),
            _ => await client.Put($"/students/{student}/products", new { productIds = new[] { "maths-practice" } }),
        };

        if (expected == HttpStatusCode.NotFound) await response.ShouldBeProblem(expected, $"Student {student} was not found.");
        else if (expected == HttpStatusCode.Forbidden) await response.ShouldBeProblem(expected, "does not have the permission");
        else await response.ShouldBe(expected);
    }

    public static TheoryData<Caller, HttpStatusCode> Adders() => new()
    {
        { Caller.DistrictAdministratorInAnySchool, HttpStatusCode.Created },
        { Caller.CustomerAdministratorInAnySchool, HttpStatusCode.Created },
        { Caller.BuildingAdministratorInOwnSchool, HttpStatusCode.Created },
        { Caller.BuildingAdministratorInAnotherSchool, HttpStatusCode.NotFound },
        { Caller.TeacherForStudentInTheirClass, HttpStatusCode.Created },
        { Caller.TeacherForStudentOutsideTheirClasses, HttpStatusCode.Forbidden },
        { Caller.AdministratorOfAnotherOrganisation, HttpStatusCode.NotFound },
        { Caller.StudentAccount, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Adders))]
    public async Task Adding_a_student_to_a_class_reaches_exactly_the_charts_scope(Caller caller, HttpStatusCode expected)
    {
        var roster = await TwoSchools.Arrange(api, rulesA: new StudentRosterRules(true, false, 0, false));
        var (client, student) = Reach(roster, caller);
        var school = student == roster.FarStudent ? roster.SchoolB : roster.SchoolA;
        var @class = student == roster.FarStudent ? roster.SchoolBClass
            : student == roster.OtherStudent ? roster.ColleaguesClass : roster.TeachersClass;

        var response = await client.Post($"/institutions/{school}/students",
            new { givenName = "Katherine", familyName = "Johnson", yearGroup = "Year 7", classIds = new[] { @class } });

        var body = await response.ShouldBe(expected);
        if (expected == HttpStatusCode.Created)
            Assert.Equal(@class, body.GetProperty("classes")[0].Id());
    }

    [Theory]
    [InlineData(Caller.DistrictAdministratorInAnySchool, HttpStatusCode.OK)]
    [InlineData(Caller.CustomerAdministratorInAnySchool, HttpStatusCode.OK)]
    [InlineData(Caller.BuildingAdministratorInOwnSchool, HttpStatusCode.OK)]
    [InlineData(Caller.BuildingAdministratorInAnotherSchool, HttpStatusCode.NotFound)]
    [InlineData(Caller.TeacherForStudentInTheirClass, HttpStatusCode.OK)]
    [InlineData(Caller.AdministratorOfAnotherOrganisation, HttpStatusCode.NotFound)]
    [InlineData(Caller.StudentAccount, HttpStatusCode.Forbidden)]
    public async Task Listing_a_schools_students_reaches_exactly_the_charts_scope(Caller caller, HttpStatusCode expected)
    {
        var roster = await TwoSchools.Arrange(api);
        var (client, student) = Reach(roster, caller);
        var school = student == roster.FarStudent ? roster.SchoolB : roster.SchoolA;

        var list = await (await client.GetAsync($"/institutions/{school}/students")).ShouldBe(expected);

        if (expected == HttpStatusCode.OK)
            Assert.Contains(student, list.EnumerateArray().Select(s => s.Id()));
    }

    /// <summary>The caller and the student (or school) the case aims at.</summary>
    private (HttpClient Client, Guid Student) Reach(TwoSchools r, Caller caller) => caller switch
    {
        Caller.DistrictAdministratorInAnySchool => (api.District(r.Org), r.FarStudent),
        Caller.CustomerAdministratorInAnySchool => (api.Customer(r.Org), r.FarStudent),
        Caller.BuildingAdministratorInOwnSchool => (api.Building(r.Org, r.SchoolA), r.OtherStudent),
        Caller.BuildingAdministratorInAnotherSchool => (api.Building(r.Org, r.SchoolA), r.FarStudent),
        Caller.TeacherForStudentInTheirClass => (api.Teacher(r.Org, r.SchoolA, r.Teacher), r.OwnStudent),
        Caller.TeacherForStudentOutsideTheirClasses => (api.Teacher(r.Org, r.SchoolA, r.Teacher), r.OtherStudent),
        Caller.AdministratorOfAnotherOrganisation => (api.District(Guid.NewGuid()), r.OwnStudent),
        _ => (api.Student(r.Org, r.SchoolA, r.OwnStudent), r.OwnStudent),
    };
}
