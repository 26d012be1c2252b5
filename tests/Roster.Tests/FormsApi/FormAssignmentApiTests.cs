using System.Net;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.FormsApi;

/// <summary>Assigning a form to one student, a class, a year group, or guardians; the Guardian Details warning.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class FormAssignmentApiTests(RosterApi api)
{
    [Fact]
    public async Task Assigning_a_form_with_guardian_details_to_a_student_succeeds_with_a_warning()
    {
        var given = new Given(api);
        var school = await given.School();
        var ada = await given.Student(school);
        var staff = api.District(given.Org);
        var form = await TripForm.Create(staff, school);

        var result = await TripForm.Assign(staff, form, new { studentId = ada });

        Assert.Equal([ada], TripForm.Ids(result.GetProperty("newlyAssigned")));
        var warning = Assert.Single(TripForm.Strings(result.GetProperty("warnings")));
        Assert.Contains("'contact'", warning);
        Assert.Contains("students cannot answer it", warning);
    }

    [Fact]
    public async Task A_form_without_guardian_details_is_assigned_without_warnings()
    {
        var given = new Given(api);
        var school = await given.School();
        var ada = await given.Student(school);
        var staff = api.District(given.Org);
        var form = await TripForm.Create(staff, school, TripForm.WithoutGuardianQuestions);

        var result = await TripForm.Assign(staff, form, new { studentId = ada });

        Assert.Empty(result.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Assigning_a_class_assigns_its_students_on_the_roll_at_that_moment()
    {
        var given = new Given(api);
        var school = await given.School();
        var (ada, alan, left) = (await given.Student(school), await given.Student(school), await given.Student(school, left: new DateOnly(2026, 7, 20)));
        var @class = await given.Class(school, [], [ada, alan, left]);
        var staff = api.Building(given.Org, school);
        var form = await TripForm.Create(staff, school);

        var result = await TripForm.Assign(staff, form, new { classId = @class });

        Assert.Equal(new[] { ada, alan }.Order(), TripForm.Ids(result.GetProperty("newlyAssigned")));
        Assert.NotEmpty(result.GetProperty("warnings").EnumerateArray());
        var again = await TripForm.Assign(staff, form, new { classId = @class });
        Assert.Empty(again.GetProperty("newlyAssigned").EnumerateArray());
        var read = await (await staff.GetAsync($"/forms/{form}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(new[] { ada, alan }.Order(), TripForm.Ids(read.GetProperty("assignedStudentIds")));
    }

    [Fact]
    public async Task Assigning_a_year_group_assigns_that_year_of_the_forms_school_only()
    {
        var given = new Given(api);
        var (school, other) = (await given.School("Mine"), await given.School("Other"));
        var (ada, alan) = (await given.Student(school, "Y7"), await given.Student(school, "Y7"));
        await given.Student(school, "Y8");
        await given.Student(other, "Y7");
        var staff = api.Customer(given.Org);
        var form = await TripForm.Create(staff, school);

        var result = await TripForm.Assign(staff, form, new { yearGroup = "Year 7" });

        Assert.Equal(new[] { ada, alan }.Order(), TripForm.Ids(result.GetProperty("newlyAssigned")));
        Assert.Single(result.GetProperty("warnings").EnumerateArray());
        await (await staff.Post($"/forms/{form}/assignments", new { yearGroup = "Year 42" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "no year group 'Year 42'");
    }

    [Fact]
    public async Task A_teacher_assigns_to_their_own_class_but_not_to_another_class_or_a_year_group()
    {
        var given = new Given(api);
        var school = await given.School();
        var (me, colleague) = (await given.Teacher(school), await given.Teacher(school));
        var (ada, alan) = (await given.Student(school), await given.Student(school));
        var (mine, theirs) = (await given.Class(school, [me], [ada]), await given.Class(school, [colleague], [alan]));
        var teacher = api.Teacher(given.Org, school, me);
        var form = await TripForm.Create(teacher, school);

        await TripForm.Assign(teacher, form, new { classId = mine });
        await (await teacher.Post($"/forms/{form}/assignments", new { classId = theirs }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Class {theirs} was not found.");
        await (await teacher.Post($"/forms/{form}/assignments", new { studentId = alan }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Student {alan} was not found.");
        await (await teacher.Post($"/forms/{form}/assignments", new { yearGroup = "Y7" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "needs a school administrator");
    }

    [Fact]
    public async Task An_assignment_names_exactly_one_target()
    {
        var given = new Given(api);
        var school = await given.School();
        var ada = await given.Student(school);
        var staff = api.District(given.Org);
        var form = await TripForm.Create(staff, school);

        var problem = await (await staff.Post($"/forms/{form}/assignments", new { studentId = ada, yearGroup = "Y7" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "exactly one of studentId, classId or yearGroup");
        Assert.True(problem.GetProperty("errors").TryGetProperty("assignTo", out _));
    }

    [Fact]
    public async Task Assigning_to_guardians_is_recorded_for_the_students_named()
    {
        var given = new Given(api);
        var school = await given.School();
        var ada = await given.Student(school);
        var staff = api.District(given.Org);
        var form = await TripForm.Create(staff, school);

        var result = await (await staff.Post($"/forms/{form}/guardian-assignments", new { studentIds = new[] { ada } })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([ada], TripForm.Ids(result.GetProperty("newlyAssigned")));
        var read = await (await staff.GetAsync($"/forms/{form}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([ada], TripForm.Ids(read.GetProperty("guardianStudentIds")));
        Assert.Empty(read.GetProperty("assignedStudentIds").EnumerateArray());
    }
}
