using System.Net;
using System.Text.Json;
using Portal.Roster.Tests.Api;
using static Portal.Roster.Tests.DashboardApi.PortalSchool;

namespace Portal.Roster.Tests.DashboardApi;

/// <summary>Only a student has a dashboard, only their own, and it holds their own classes' lessons and homework, never anyone else's.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class OwnDataOnlyTests
{
    private readonly RosterApi api;
    private readonly Given given;
    private readonly PortalSchool portal;

    public OwnDataOnlyTests(RosterApi api)
    {
        this.api = api;
        given = new Given(api);
        portal = new PortalSchool(api, given);
    }

    private async Task<JsonElement> Dashboard(Guid school, Guid student) =>
        await (await api.Student(given.Org, school, student).GetAsync("/me/dashboard")).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task A_student_sees_the_timetable_and_homework_of_their_own_active_classes_only()
    {
        var school = await given.School();
        var teacher = await given.Teacher(school);
        var (ada, ben) = (await given.Student(school, givenName: "Ada"), await given.Student(school, givenName: "Ben"));
        var maths = await given.Class(school, [teacher], [ada], "10A Maths");
        var art = await given.Class(school, [teacher], [ada, ben], "10 Art");
        var french = await given.Class(school, [teacher], [ben], "10B French");
        var closed = await given.Class(school, [teacher], [ada], "Old Drama");
        await (await api.District(given.Org).PostAsync($"/classes/{closed}/deactivate", null)).ShouldBe(HttpStatusCode.NoContent);
        await portal.Timetable(school, maths, Lesson(1, 9, "M1"), Lesson(3, 11, "M2"));
        await portal.Timetable(school, art, Lesson(2, 10, "A1"));
        await portal.Timetable(school, french, Lesson(1, 10, "F1"));
        await portal.Timetable(school, closed, Lesson(4, 9, "D1"));
        await portal.Homework(school, maths, "Fractions", new DateOnly(2026, 9, 14));
        await portal.Homework(school, maths, "Withdrawn worksheet", new DateOnly(2026, 9, 10), withdrawn: true);
        await portal.Homework(school, art, "Still life", new DateOnly(2026, 9, 11));
        await portal.Homework(school, french, "Verbs", new DateOnly(2026, 9, 9));
        await portal.Homework(school, closed, "Monologue", new DateOnly(2026, 9, 8));
        await portal.Shows(school, version: 1, "timetable", "homework");

        var mine = await Dashboard(school, ada);

        var lessons = mine.GetProperty("timetable").EnumerateArray().ToArray();
        Assert.Equal(["M1", "A1", "M2"], lessons.Select(l => l.GetProperty("room").GetString()));
        Assert.Equal((maths, "10A Maths", 1, "09:00:00", "09:50:00"),
            (lessons[0].GetProperty("classId").GetGuid(), lessons[0].GetProperty("className").GetString(), lessons[0].GetProperty("dayOfWeek").GetInt32(),
                lessons[0].GetProperty("start").GetString(), lessons[0].GetProperty("end").GetString()));
        var homework = mine.GetProperty("homework").EnumerateArray().ToArray();
        Assert.Equal(["Still life", "Fractions"], homework.Select(h => h.GetProperty("title").GetString()));
        Assert.Equal(("2026-09-14", "Fractions notes"), (homework[1].GetProperty("dueOn").GetString(), homework[1].GetProperty("description").GetString()));

        var text = mine.GetRawText();
        Assert.DoesNotContain(ben.ToString(), text);
        Assert.DoesNotContain(teacher.ToString(), text);
        Assert.DoesNotContain("studentIds", text, StringComparison.OrdinalIgnoreCase);

        var theirs = await Dashboard(school, ben);
        Assert.Equal(["A1", "F1"], theirs.GetProperty("timetable").EnumerateArray().Select(l => l.GetProperty("room").GetString()).OrderBy(r => r));
        Assert.Equal(["Verbs", "Still life"], theirs.GetProperty("homework").EnumerateArray().Select(h => h.GetProperty("title").GetString()));
        Assert.DoesNotContain(ada.ToString(), theirs.GetRawText());
    }

    [Fact]
    public async Task A_student_in_no_class_has_empty_timetable_and_homework()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var other = await given.Class(school, [], [await given.Student(school)]);
        await portal.Timetable(school, other, Lesson(1, 9, "X1"));
        await portal.Homework(school, other, "Not yours", new DateOnly(2026, 9, 14));
        await portal.Shows(school, version: 1, "timetable", "homework");

        var dashboard = await Dashboard(school, student);

        Assert.Equal(0, dashboard.GetProperty("timetable").GetArrayLength());
        Assert.Equal(0, dashboard.GetProperty("homework").GetArrayLength());
    }

    [Fact]
    public async Task Staff_guardians_and_operators_are_refused()
    {
        var school = await given.School();
        await given.Student(school);
        var callers = new[]
        {
            api.District(given.Org), api.Building(given.Org, school), api.Teacher(given.Org, school, Guid.NewGuid()), api.Operator(given.Org),
            api.As(new Portal.TestIssuer.TokenRequest { Audiences = [RosterApi.Audience], Kind = "guardian", Subject = Guid.NewGuid() }),
        };

        foreach (var client in callers)
            await (await client.GetAsync("/me/dashboard")).ShouldBeProblem(HttpStatusCode.Forbidden, "Only a student has a dashboard");
    }

    [Fact]
    public async Task A_student_account_that_is_not_on_the_roll_is_not_found()
    {
        var school = await given.School();
        var stranger = Guid.NewGuid();

        await (await api.Student(given.Org, school, stranger).GetAsync("/me/dashboard"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Student {stranger} is not on the roll of your organisation");
    }

    [Fact]
    public async Task A_token_of_another_organisation_with_the_same_id_is_not_found()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await portal.Shows(school, version: 1, "timetable");
        var elsewhere = new Given(api);
        var otherSchool = await elsewhere.School();

        await (await api.Student(elsewhere.Org, otherSchool, student).GetAsync("/me/dashboard")).ShouldBe(HttpStatusCode.NotFound);
        await (await api.Student(elsewhere.Org, school, student).GetAsync("/me/dashboard")).ShouldBe(HttpStatusCode.NotFound);
        await Dashboard(school, student);
    }

    [Fact]
    public async Task A_student_who_left_or_was_deleted_is_not_found()
    {
        var school = await given.School();
        var left = await given.Student(school, left: new DateOnly(2026, 7, 20));
        var deleted = await given.Student(school, left: new DateOnly(2026, 7, 20));
        await (await api.District(given.Org).DeleteAsync($"/students/{deleted}")).ShouldBe(HttpStatusCode.NoContent);

        foreach (var student in new[] { left, deleted })
            await (await api.Student(given.Org, school, student).GetAsync("/me/dashboard")).ShouldBe(HttpStatusCode.NotFound);
    }
}
