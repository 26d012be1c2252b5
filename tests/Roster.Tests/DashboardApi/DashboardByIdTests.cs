using System.Net;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.DashboardApi;

/// <summary>/students/{id}/dashboard: a student gets only their own (any other id 404); staff see a student they may view, as the student does.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class DashboardByIdTests
{
    private readonly RosterApi api;
    private readonly Given given;
    private readonly PortalSchool portal;

    public DashboardByIdTests(RosterApi api)
    {
        this.api = api;
        given = new Given(api);
        portal = new PortalSchool(api, given);
    }

    [Fact]
    public async Task A_student_gets_their_own_dashboard_by_id_and_another_students_id_is_not_found()
    {
        var school = await given.School();
        var (ada, ben) = (await given.Student(school, givenName: "Ada"), await given.Student(school, givenName: "Ben"));
        await portal.Shows(school, version: 1, "timetable");

        var own = await (await api.Student(given.Org, school, ada).GetAsync($"/students/{ada}/dashboard")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(ada, own.GetProperty("student").GetProperty("id").GetGuid());
        Assert.Equal(["timetable"], own.GetProperty("visiblePages").EnumerateArray().Select(p => p.GetString()));

        await (await api.Student(given.Org, school, ada).GetAsync($"/students/{ben}/dashboard"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Student {ben} was not found.");
        await (await api.Student(given.Org, school, ada).GetAsync($"/students/{ben}")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_see_a_student_they_may_view_and_not_one_outside_their_reach()
    {
        var school = await given.School();
        var otherSchool = await given.School();
        var teacher = await given.Teacher(school);
        var (taught, untaught) = (await given.Student(school, givenName: "Taught"), await given.Student(school, givenName: "Untaught"));
        await given.Class(school, [teacher], [taught], "10A Maths");
        await portal.Shows(school, version: 1, "timetable");

        var seen = await (await api.Teacher(given.Org, school, teacher).GetAsync($"/students/{taught}/dashboard")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Taught", seen.GetProperty("student").GetProperty("givenName").GetString());
        Assert.Equal(["timetable"], seen.GetProperty("visiblePages").EnumerateArray().Select(p => p.GetString()));
        await (await api.Teacher(given.Org, school, teacher).GetAsync($"/students/{untaught}/dashboard")).ShouldBe(HttpStatusCode.NotFound);
        await (await api.Building(given.Org, otherSchool).GetAsync($"/students/{taught}/dashboard")).ShouldBe(HttpStatusCode.NotFound);
        await (await api.District(new Given(api).Org).GetAsync($"/students/{taught}/dashboard")).ShouldBe(HttpStatusCode.NotFound);
        await (await api.District(given.Org).GetAsync($"/students/{untaught}/dashboard")).ShouldBe(HttpStatusCode.OK);
    }
}
