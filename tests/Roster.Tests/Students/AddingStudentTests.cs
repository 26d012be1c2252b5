using System.Net;
using Portal.Roster.Schools;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.StudentsApi;

[Collection(RosterApiCollection.Name)]
public sealed class AddingStudentTests(RosterApi api)
{
    private static readonly StudentRosterRules TeachersMayCreate = new(true, false, 0, false);

    [Fact]
    public async Task An_administrator_adds_a_student_to_classes_in_one_go()
    {
        var roster = await TwoSchools.Arrange(api);
        var admin = api.Building(roster.Org, roster.SchoolA);

        var response = await admin.Post($"/institutions/{roster.SchoolA}/students", new
        {
            givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7", email = "K.Johnson@Northfield.example",
            classIds = new[] { roster.TeachersClass, roster.ColleaguesClass },
        });

        var student = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal($"/students/{student.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Staff", student.GetProperty("source").GetString());
        Assert.Equal("k.johnson@northfield.example", student.GetProperty("email").GetString());
        Assert.Equal(["7A Maths", "7C Maths"], student.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var teachersView = await (await api.Teacher(roster.Org, roster.SchoolA, roster.Teacher).GetAsync($"/students/{student.Id()}"))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Katherine", teachersView.GetProperty("givenName").GetString());
    }

    [Fact]
    public async Task An_administrator_adds_a_student_to_no_class()
    {
        var roster = await TwoSchools.Arrange(api);

        var response = await api.District(roster.Org).Post($"/institutions/{roster.SchoolB}/students",
            new { givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7" });

        var student = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Empty(student.GetProperty("classes").EnumerateArray());
        Assert.Equal(roster.SchoolB, student.GetProperty("schoolId").GetGuid());
    }

    [Fact]
    public async Task A_teacher_is_forbidden_where_the_school_does_not_allow_teachers_to_create_students()
    {
        var roster = await TwoSchools.Arrange(api);

        var response = await api.Teacher(roster.Org, roster.SchoolA, roster.Teacher).Post($"/institutions/{roster.SchoolA}/students",
            new { givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7", classIds = new[] { roster.TeachersClass } });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden,
            "Teachers may add student accounts only where the school allows it, and Northfield Academy does not.");
    }

    [Fact]
    public async Task A_teacher_is_forbidden_to_add_a_student_to_no_class()
    {
        var roster = await TwoSchools.Arrange(api, rulesA: TeachersMayCreate);

        var response = await api.Teacher(roster.Org, roster.SchoolA, roster.Teacher).Post($"/institutions/{roster.SchoolA}/students",
            new { givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7" });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "Teachers may add students only to existing classes assigned to them");
    }

    [Fact]
    public async Task A_teacher_adding_to_one_of_their_classes_and_a_colleagues_is_forbidden_and_nothing_is_added()
    {
        var roster = await TwoSchools.Arrange(api, rulesA: TeachersMayCreate);
        var teacher = api.Teacher(roster.Org, roster.SchoolA, roster.Teacher);

        var response = await teacher.Post($"/institutions/{roster.SchoolA}/students", new
        {
            givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7", classIds = new[] { roster.TeachersClass, roster.ColleaguesClass },
        });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, $"class {roster.ColleaguesClass} is not one of yours");
        var list = await (await teacher.GetAsync($"/institutions/{roster.SchoolA}/students")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([roster.OwnStudent], list.EnumerateArray().Select(s => s.Id()));
    }

    [Fact]
    public async Task The_schools_number_rules_hold_for_added_students()
    {
        var given = new Given(api);
        var school = await given.School(rules: new StudentRosterRules(false, true, 0, true));
        var admin = api.Building(given.Org, school);

        await (await admin.Post($"/institutions/{school}/students", new { givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "This school requires a student information number.");
        await (await admin.Post($"/institutions/{school}/students",
                new { givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7", studentInformationNumber = "K-77" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "digits only ('K-77' is not)");
        await (await admin.Post($"/institutions/{school}/students",
                new { givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7", studentInformationNumber = "1977" }))
            .ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_email_is_unique_among_the_schools_active_students_only()
    {
        var given = new Given(api);
        var school = await given.School();
        await given.Student(school, email: "ada@northfield.example");
        await given.Student(school, email: "mary@northfield.example", left: new DateOnly(2026, 7, 20));
        var admin = api.Building(given.Org, school);

        await (await admin.Post($"/institutions/{school}/students",
                new { givenName = "Ada", familyName = "Byron", yearGroup = "Y7", email = "ADA@northfield.example" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "Email 'ada@northfield.example' is already used by another active student of Northfield Academy.");
        await (await admin.Post($"/institutions/{school}/students",
                new { givenName = "Mary", familyName = "Somerville", yearGroup = "Y7", email = "mary@northfield.example" }))
            .ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_student_refused_by_an_inactive_class_is_not_added_at_all()
    {
        var roster = await TwoSchools.Arrange(api);
        await roster.Deactivate(api, roster.TeachersOtherClass);
        var admin = api.Building(roster.Org, roster.SchoolA);

        var response = await admin.Post($"/institutions/{roster.SchoolA}/students", new
        {
            givenName = "Katherine", familyName = "Johnson", yearGroup = "Y7", classIds = new[] { roster.TeachersClass, roster.TeachersOtherClass },
        });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "Class '7B Maths' is inactive");
        var list = await (await admin.GetAsync($"/institutions/{roster.SchoolA}/students")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain("Katherine", list.EnumerateArray().Select(s => s.GetProperty("givenName").GetString()));
    }
}
