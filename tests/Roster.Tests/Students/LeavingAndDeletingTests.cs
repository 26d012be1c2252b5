using System.Net;
using Portal.Roster.Classes;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.StudentsApi;

[Collection(RosterApiCollection.Name)]
public sealed class LeavingAndDeletingTests(RosterApi api)
{
    private static async Task<Guid> AddedByHand(HttpClient admin, Guid school, params Guid[] classIds) =>
        (await (await admin.Post($"/institutions/{school}/students",
            new { givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7", classIds })).ShouldBe(HttpStatusCode.Created)).Id();

    [Fact]
    public async Task A_student_added_by_hand_leaves_on_a_date_returns_and_leaves_again()
    {
        var given = new Given(api);
        var school = await given.School();
        var admin = api.Building(given.Org, school);
        var student = await AddedByHand(admin, school);

        var left = await (await admin.Post($"/students/{student}/leave", new { dateLeft = "2026-07-20" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("2026-07-20", false), (left.GetProperty("dateLeft").GetString(), left.GetProperty("active").GetBoolean()));
        var back = await (await admin.PostAsync($"/students/{student}/return", null)).ShouldBe(HttpStatusCode.OK);
        Assert.True(back.GetProperty("active").GetBoolean());
        var today = await (await admin.PostAsync($"/students/{student}/leave", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), today.GetProperty("dateLeft").GetString());
    }

    [Fact]
    public async Task A_student_from_the_MIS_is_not_marked_as_left_by_hand()
    {
        var given = new Given(api);
        var school = await given.School();
        var student = await given.Student(school);

        var response = await api.District(given.Org).Post($"/students/{student}/leave", new { dateLeft = "2026-07-20" });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "comes from the school's MIS; record their leaving there");
    }

    [Fact]
    public async Task Deleting_an_active_student_is_refused_saying_why()
    {
        var given = new Given(api);
        var school = await given.School();
        var student = await given.Student(school);

        var response = await api.Building(given.Org, school).DeleteAsync($"/students/{student}");

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "is active; only inactive students can be deleted");
    }

    [Fact]
    public async Task Deleting_an_inactive_student_takes_them_out_of_their_classes_and_out_of_reach()
    {
        var roster = await TwoSchools.Arrange(api);
        var admin = api.Building(roster.Org, roster.SchoolA);
        var student = await AddedByHand(admin, roster.SchoolA, roster.TeachersClass, roster.ColleaguesClass);
        await (await admin.Post($"/students/{student}/leave", new { dateLeft = "2026-07-20" })).ShouldBe(HttpStatusCode.OK);

        await (await admin.DeleteAsync($"/students/{student}")).ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync($"/students/{student}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Student {student} was not found.");
        var listed = await (await admin.GetAsync($"/institutions/{roster.SchoolA}/students?includeLeft=true")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(student, listed.EnumerateArray().Select(s => s.Id()));
        await using var session = api.Store.QuerySession(roster.Org.ToString());
        foreach (var classId in new[] { roster.TeachersClass, roster.ColleaguesClass })
            Assert.DoesNotContain(student, (await session.LoadAsync<ClassState>(classId))!.StudentIds);
    }

    [Fact]
    public async Task A_teacher_deletes_an_inactive_student_of_their_class_but_not_one_outside_their_classes()
    {
        var roster = await TwoSchools.Arrange(api, left: new DateOnly(2026, 7, 20));
        var teacher = api.Teacher(roster.Org, roster.SchoolA, roster.Teacher);

        await (await teacher.DeleteAsync($"/students/{roster.OtherStudent}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Student {roster.OtherStudent} was not found.");
        await (await teacher.DeleteAsync($"/students/{roster.OwnStudent}")).ShouldBe(HttpStatusCode.NoContent);
    }
}
