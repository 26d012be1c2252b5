using System.Net;
using Portal.Roster.Staff;

namespace Portal.Roster.Tests.Api;

/// <summary>Assigning and unassigning teachers: administrators only, building administrators within their school.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class ClassTeacherApiTests(RosterApi api)
{
    [Fact]
    public async Task An_administrator_assigns_several_teachers_who_then_appear_by_name()
    {
        var given = new Given(api);
        var school = await given.School();
        var (ford, khan) = (await given.Teacher(school), await given.Teacher(school));
        var @class = await given.Class(school, [], []);
        var district = api.District(given.Org);

        await (await district.Post($"/classes/{@class}/teachers", new { teacherIds = new[] { ford, khan } })).ShouldBe(HttpStatusCode.NoContent);

        var teachers = (await (await district.GetAsync($"/classes/{@class}")).ShouldBe(HttpStatusCode.OK)).GetProperty("teachers");
        Assert.Equal([ford, khan], teachers.EnumerateArray().Select(t => t.Id()).ToArray());
        Assert.All(teachers.EnumerateArray(), t => Assert.StartsWith("Sam Teacher", t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_customer_administrator_unassigns_a_teacher_who_then_no_longer_reaches_the_class()
    {
        var given = new Given(api);
        var school = await given.School();
        var ford = await given.Teacher(school);
        var @class = await given.Class(school, [ford], []);

        await (await api.Customer(given.Org).DeleteAsync($"/classes/{@class}/teachers/{ford}")).ShouldBe(HttpStatusCode.NoContent);

        await (await api.Teacher(given.Org, school, ford).GetAsync($"/classes/{@class}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {@class} was not found.");
    }

    [Fact]
    public async Task A_building_administrator_cannot_assign_a_teacher_of_another_school()
    {
        var given = new Given(api);
        var (mine, other) = (await given.School("Mine"), await given.School("Other"));
        var outsider = await given.Teacher(other);
        var @class = await given.Class(mine, [], []);

        var response = await api.Building(given.Org, mine).Post($"/classes/{@class}/teachers", new { teacherIds = new[] { outsider } });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, $"({outsider}) does not belong to the school of class");
    }

    [Fact]
    public async Task A_building_administrator_cannot_reach_another_schools_class_to_assign_teachers()
    {
        var given = new Given(api);
        var (mine, other) = (await given.School("Mine"), await given.School("Other"));
        var theirTeacher = await given.Teacher(other);
        var theirs = await given.Class(other, [], []);
        var building = api.Building(given.Org, mine);

        await (await building.Post($"/classes/{theirs}/teachers", new { teacherIds = new[] { theirTeacher } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
        await (await building.Post($"/teachers/{theirTeacher}/classes", new { classIds = new[] { theirs } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
    }

    [Fact]
    public async Task Teachers_may_not_assign_teachers_even_to_their_own_class()
    {
        var given = new Given(api);
        var school = await given.School();
        var (me, colleague) = (await given.Teacher(school), await given.Teacher(school));
        var mine = await given.Class(school, [me], []);
        var teacher = api.Teacher(given.Org, school, me);

        await (await teacher.Post($"/classes/{mine}/teachers", new { teacherIds = new[] { colleague } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Assigning and unassigning teachers to classes");
        await (await teacher.DeleteAsync($"/classes/{mine}/teachers/{me}")).ShouldBeProblem(HttpStatusCode.Forbidden, "Assigning and unassigning");
        await (await teacher.Post($"/teachers/{colleague}/classes", new { classIds = new[] { mine } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Assigning and unassigning");
    }

    [Fact]
    public async Task Unknown_and_deactivated_teachers_are_refused_by_name()
    {
        var given = new Given(api);
        var school = await given.School();
        var @class = await given.Class(school, [], []);
        var unknown = Guid.NewGuid();
        var district = api.District(given.Org);

        var problem = await (await district.Post($"/classes/{@class}/teachers", new { teacherIds = new[] { unknown } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, $"There is no staff account {unknown}.");
        Assert.True(problem.GetProperty("errors").TryGetProperty("teacherIds", out _));

        var gone = await DeactivatedTeacher(given, school);
        await (await district.Post($"/classes/{@class}/teachers", new { teacherIds = new[] { gone } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, $"({gone}) is deactivated");
    }

    [Fact]
    public async Task A_building_administrator_assigns_several_classes_of_their_school_to_one_teacher()
    {
        var given = new Given(api);
        var school = await given.School();
        var ford = await given.Teacher(school);
        var (maths, science) = (await given.Class(school, [], [], "7A Maths"), await given.Class(school, [], [], "7A Science"));

        await (await api.Building(given.Org, school).Post($"/teachers/{ford}/classes", new { classIds = new[] { maths, science } }))
            .ShouldBe(HttpStatusCode.NoContent);

        var list = await (await api.Teacher(given.Org, school, ford).GetAsync($"/institutions/{school}/classes")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([maths, science], list.EnumerateArray().Select(c => c.Id()).ToArray());
    }

    [Fact]
    public async Task Assigning_several_classes_is_all_or_nothing()
    {
        var given = new Given(api);
        var school = await given.School();
        var ford = await given.Teacher(school);
        var maths = await given.Class(school, [], []);
        var closed = await given.Class(school, [], [], "Closed club");
        var district = api.District(given.Org);
        await (await district.PostAsync($"/classes/{closed}/deactivate", null)).ShouldBe(HttpStatusCode.NoContent);

        await (await district.Post($"/teachers/{ford}/classes", new { classIds = new[] { maths, closed } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "'Closed club' is inactive");

        var read = await (await district.GetAsync($"/classes/{maths}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, read.GetProperty("teachers").GetArrayLength());
    }

    [Fact]
    public async Task Assigning_classes_to_a_staff_account_roster_does_not_know_answers_404()
    {
        var given = new Given(api);
        var school = await given.School();
        var maths = await given.Class(school, [], []);
        var unknown = Guid.NewGuid();

        await (await api.District(given.Org).Post($"/teachers/{unknown}/classes", new { classIds = new[] { maths } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Staff account {unknown} was not found.");
    }

    [Fact]
    public async Task Another_organisations_class_cannot_be_given_a_teacher()
    {
        var (given, stranger) = (new Given(api), new Given(api));
        var school = await given.School();
        var @class = await given.Class(school, [], []);
        var strangersTeacher = await stranger.Teacher(await stranger.School());

        await (await api.District(stranger.Org).Post($"/classes/{@class}/teachers", new { teacherIds = new[] { strangersTeacher } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {@class} was not found.");
        await (await api.District(stranger.Org).Post($"/teachers/{strangersTeacher}/classes", new { classIds = new[] { @class } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {@class} was not found.");
    }

    /// <summary>A staff account Identity has told Roster is deactivated.</summary>
    private async Task<Guid> DeactivatedTeacher(Given given, Guid school)
    {
        var id = Guid.NewGuid();
        await using var session = api.Store.LightweightSession(given.Org.ToString());
        session.Store(new KnownStaff(id, $"gone-{id:N}@school.example", "Pat", "Gone", "teacher", [school], Active: false, Version: 1));
        await session.SaveChangesAsync();
        return id;
    }
}
