using System.Net;

namespace Portal.Roster.Tests.Api;

/// <summary>A class's students and avatar restrictions, within each staff type's reach.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class ClassStudentApiTests(RosterApi api)
{
    [Fact]
    public async Task A_teacher_adds_students_of_the_school_to_their_class_and_sees_them_by_name()
    {
        var given = new Given(api);
        var school = await given.School();
        var me = await given.Teacher(school);
        var mine = await given.Class(school, [me], []);
        var (ada, alan) = (await given.Student(school, givenName: "Ada", familyName: "Lovelace"),
            await given.Student(school, givenName: "Alan", familyName: "Turing"));
        var teacher = api.Teacher(given.Org, school, me);

        await (await teacher.Post($"/classes/{mine}/students", new { studentIds = new[] { alan, ada } })).ShouldBe(HttpStatusCode.NoContent);

        var students = (await (await teacher.GetAsync($"/classes/{mine}")).ShouldBe(HttpStatusCode.OK)).GetProperty("students");
        Assert.Equal(["Lovelace", "Turing"], students.EnumerateArray().Select(s => s.GetProperty("familyName").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_teacher_cannot_add_students_to_a_class_they_do_not_teach()
    {
        var given = new Given(api);
        var school = await given.School();
        var (me, colleague) = (await given.Teacher(school), await given.Teacher(school));
        var theirs = await given.Class(school, [colleague], []);
        var ada = await given.Student(school);

        await (await api.Teacher(given.Org, school, me).Post($"/classes/{theirs}/students", new { studentIds = new[] { ada } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
    }

    [Fact]
    public async Task Students_of_another_school_are_not_added()
    {
        var given = new Given(api);
        var (school, other) = (await given.School("Mine"), await given.School("Other"));
        var @class = await given.Class(school, [], []);
        var elsewhere = await given.Student(other);

        var problem = await (await api.District(given.Org).Post($"/classes/{@class}/students", new { studentIds = new[] { elsewhere } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, $"Student {elsewhere} is not on the roll of the class's school.");
        Assert.True(problem.GetProperty("errors").TryGetProperty("studentIds", out _));
    }

    [Fact]
    public async Task A_building_administrator_adds_students_in_their_school_but_not_another()
    {
        var given = new Given(api);
        var (mine, other) = (await given.School("Mine"), await given.School("Other"));
        var (ours, theirs) = (await given.Class(mine, [], []), await given.Class(other, [], []));
        var (ada, grace) = (await given.Student(mine), await given.Student(other));
        var building = api.Building(given.Org, mine);

        await (await building.Post($"/classes/{ours}/students", new { studentIds = new[] { ada } })).ShouldBe(HttpStatusCode.NoContent);
        await (await building.Post($"/classes/{theirs}/students", new { studentIds = new[] { grace } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
    }

    [Fact]
    public async Task A_student_still_on_the_roll_is_not_removed_but_moved()
    {
        var given = new Given(api);
        var school = await given.School();
        var ada = await given.Student(school, givenName: "Ada", familyName: "Lovelace");
        var @class = await given.Class(school, [], [ada]);

        await (await api.District(given.Org).DeleteAsync($"/classes/{@class}/students/{ada}"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "Ada Lovelace");
        var read = await (await api.District(given.Org).GetAsync($"/classes/{@class}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([ada], read.GetProperty("students").EnumerateArray().Select(s => s.Id()).ToArray());
    }

    [Fact]
    public async Task A_teacher_removes_a_student_who_left_from_their_class()
    {
        var given = new Given(api);
        var school = await given.School();
        var me = await given.Teacher(school);
        var (stays, left) = (await given.Student(school), await given.Student(school, left: new DateOnly(2026, 7, 20)));
        var mine = await given.Class(school, [me], [stays, left]);
        var teacher = api.Teacher(given.Org, school, me);

        await (await teacher.DeleteAsync($"/classes/{mine}/students/{left}")).ShouldBe(HttpStatusCode.NoContent);

        var read = await (await teacher.GetAsync($"/classes/{mine}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([stays], read.GetProperty("students").EnumerateArray().Select(s => s.Id()).ToArray());
    }

    [Fact]
    public async Task A_teacher_cannot_remove_students_from_a_class_they_do_not_teach()
    {
        var given = new Given(api);
        var school = await given.School();
        var (me, colleague) = (await given.Teacher(school), await given.Teacher(school));
        var left = await given.Student(school, left: new DateOnly(2026, 7, 20));
        var theirs = await given.Class(school, [colleague], [left]);

        await (await api.Teacher(given.Org, school, me).DeleteAsync($"/classes/{theirs}/students/{left}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
    }

    [Fact]
    public async Task A_teacher_restricts_avatar_features_for_their_class_only()
    {
        var given = new Given(api);
        var school = await given.School();
        var (me, colleague) = (await given.Teacher(school), await given.Teacher(school));
        var (mine, theirs) = (await given.Class(school, [me], []), await given.Class(school, [colleague], []));
        var teacher = api.Teacher(given.Org, school, me);
        var restrictions = new { avatarBuildingRestricted = true, accessoryPurchasesRestricted = false };

        await (await teacher.Put($"/classes/{mine}/avatar-restrictions", restrictions)).ShouldBe(HttpStatusCode.NoContent);
        await (await teacher.Put($"/classes/{theirs}/avatar-restrictions", restrictions))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");

        var read = await (await teacher.GetAsync($"/classes/{mine}")).ShouldBe(HttpStatusCode.OK);
        Assert.True(read.GetProperty("avatarBuildingRestricted").GetBoolean());
        Assert.False(read.GetProperty("accessoryPurchasesRestricted").GetBoolean());
    }

    [Fact]
    public async Task Another_organisations_class_takes_no_students_from_outside()
    {
        var (given, stranger) = (new Given(api), new Given(api));
        var school = await given.School();
        var @class = await given.Class(school, [], []);
        var strangersStudent = await stranger.Student(await stranger.School());

        await (await api.Customer(stranger.Org).Post($"/classes/{@class}/students", new { studentIds = new[] { strangersStudent } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {@class} was not found.");
        await (await api.Customer(stranger.Org).Put($"/classes/{@class}/avatar-restrictions",
                new { avatarBuildingRestricted = true, accessoryPurchasesRestricted = true }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {@class} was not found.");
    }
}
