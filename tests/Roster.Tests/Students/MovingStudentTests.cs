using System.Net;
using Portal.Roster.Contracts;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.StudentsApi;

[Collection(RosterApiCollection.Name)]
public sealed class MovingStudentTests(RosterApi api)
{
    private static IEnumerable<string?> ClassNames(System.Text.Json.JsonElement student) =>
        student.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString());

    [Fact]
    public async Task A_teacher_moves_a_student_between_their_own_classes()
    {
        var roster = await TwoSchools.Arrange(api);
        var teacher = api.Teacher(roster.Org, roster.SchoolA, roster.Teacher);

        var response = await teacher.Post($"/students/{roster.OwnStudent}/move",
            new { fromClassId = roster.TeachersClass, toClassId = roster.TeachersOtherClass });

        Assert.Equal(["7B Maths"], ClassNames(await response.ShouldBe(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task A_teacher_cannot_move_a_student_into_a_colleagues_class()
    {
        var roster = await TwoSchools.Arrange(api);
        var teacher = api.Teacher(roster.Org, roster.SchoolA, roster.Teacher);

        var response = await teacher.Post($"/students/{roster.OwnStudent}/move",
            new { fromClassId = roster.TeachersClass, toClassId = roster.ColleaguesClass });

        await response.ShouldBeProblem(HttpStatusCode.NotFound, $"Class {roster.ColleaguesClass} was not found.");
    }

    [Fact]
    public async Task A_teacher_cannot_move_a_student_to_another_school()
    {
        var roster = await TwoSchools.Arrange(api);
        var teacher = api.Teacher(roster.Org, roster.SchoolA, roster.Teacher);

        var response = await teacher.Post($"/students/{roster.OwnStudent}/move", new { toSchoolId = roster.SchoolB });

        await response.ShouldBeProblem(HttpStatusCode.NotFound, $"School {roster.SchoolB} was not found.");
    }

    [Fact]
    public async Task A_building_administrator_moves_a_student_to_another_teachers_class_in_their_school()
    {
        var roster = await TwoSchools.Arrange(api);
        var admin = api.Building(roster.Org, roster.SchoolA);

        var moved = await (await admin.Post($"/students/{roster.OtherStudent}/move",
            new { fromClassId = roster.ColleaguesClass, toClassId = roster.TeachersClass })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(["7A Maths"], ClassNames(moved));
        await (await api.Teacher(roster.Org, roster.SchoolA, roster.Teacher).GetAsync($"/students/{roster.OtherStudent}"))
            .ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_building_administrator_cannot_move_a_student_into_another_school()
    {
        var roster = await TwoSchools.Arrange(api);
        var admin = api.Building(roster.Org, roster.SchoolA);

        await (await admin.Post($"/students/{roster.OwnStudent}/move", new { toSchoolId = roster.SchoolB }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"School {roster.SchoolB} was not found.");
        await (await admin.Post($"/students/{roster.OwnStudent}/move", new { toClassId = roster.SchoolBClass }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {roster.SchoolBClass} was not found.");
    }

    [Fact]
    public async Task Moving_school_takes_the_student_out_of_the_old_schools_classes_and_is_published()
    {
        var roster = await TwoSchools.Arrange(api);
        var district = api.District(roster.Org);
        await (await district.Post($"/students/{roster.OwnStudent}/move", new { toClassId = roster.TeachersOtherClass })).ShouldBe(HttpStatusCode.OK);

        var moved = await (await district.Post($"/students/{roster.OwnStudent}/move", new { toClassId = roster.SchoolBOtherClass }))
            .ShouldBe(HttpStatusCode.OK);

        Assert.Equal(roster.SchoolB, moved.GetProperty("schoolId").GetGuid());
        Assert.Equal(["7B English"], ClassNames(moved));
        var message = await api.Bus.WaitFor<StudentMoved>(m => m.StudentId == roster.OwnStudent);
        Assert.Equal((roster.SchoolA, roster.SchoolB), (message.FromSchoolId, message.ToSchoolId));
        await (await api.Building(roster.Org, roster.SchoolA).GetAsync($"/students/{roster.OwnStudent}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Student {roster.OwnStudent} was not found.");
        await (await api.Building(roster.Org, roster.SchoolB).GetAsync($"/students/{roster.OwnStudent}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_customer_administrator_moves_a_student_to_another_school_without_a_class()
    {
        var roster = await TwoSchools.Arrange(api);

        var moved = await (await api.Customer(roster.Org).Post($"/students/{roster.FarStudent}/move", new { toSchoolId = roster.SchoolA }))
            .ShouldBe(HttpStatusCode.OK);

        Assert.Equal(roster.SchoolA, moved.GetProperty("schoolId").GetGuid());
        Assert.Empty(ClassNames(moved));
    }

    [Fact]
    public async Task A_student_who_has_left_is_not_moved()
    {
        var roster = await TwoSchools.Arrange(api, left: new DateOnly(2026, 7, 20));

        var response = await api.District(roster.Org).Post($"/students/{roster.OwnStudent}/move",
            new { fromClassId = roster.TeachersClass, toClassId = roster.TeachersOtherClass });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "has left; return them to the roll before moving them");
    }

    [Fact]
    public async Task A_move_naming_neither_a_class_nor_a_school_is_invalid()
    {
        var roster = await TwoSchools.Arrange(api);

        var response = await api.District(roster.Org).Post($"/students/{roster.OwnStudent}/move", new { fromClassId = roster.TeachersClass });

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "Name the class (toClassId) or the school (toSchoolId)");
    }
}
