using System.Net;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.FormsApi;

/// <summary>A student's own forms under /me/forms: only those assigned to them, answered with checked types.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class MyFormsApiTests(RosterApi api)
{
    private async Task<(Given Given, Guid School, Guid Ada, Guid Form)> AdaAssignedTheTrip()
    {
        var given = new Given(api);
        var school = await given.School();
        var ada = await given.Student(school);
        var form = await TripForm.Create(api.District(given.Org), school);
        await TripForm.Assign(api.District(given.Org), form, new { studentId = ada });
        return (given, school, ada, form);
    }

    [Fact]
    public async Task A_student_sees_only_the_forms_assigned_to_them()
    {
        var (given, school, ada, form) = await AdaAssignedTheTrip();
        var alan = await given.Student(school);
        var alansForm = await TripForm.Create(api.District(given.Org), school, title: "Alan's form");
        await TripForm.Assign(api.District(given.Org), alansForm, new { studentId = alan });
        var student = api.Student(given.Org, school, ada);

        var mine = await (await student.GetAsync("/me/forms")).ShouldBe(HttpStatusCode.OK);
        var only = Assert.Single(mine.EnumerateArray());
        Assert.Equal(form, only.Id());
        Assert.Equal("NotStarted", only.GetProperty("status").GetString());

        await (await student.GetAsync($"/me/forms/{alansForm}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Form {alansForm} was not found.");
        await (await student.Post($"/me/forms/{alansForm}/responses", new { answers = TripForm.ValidAnswers }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Form {alansForm} was not found.");
    }

    [Fact]
    public async Task The_students_view_marks_guardian_details_questions_as_for_a_guardian()
    {
        var (given, school, ada, form) = await AdaAssignedTheTrip();

        var view = await (await api.Student(given.Org, school, ada).GetAsync($"/me/forms/{form}")).ShouldBe(HttpStatusCode.OK);

        var forGuardian = view.GetProperty("questions").EnumerateArray()
            .Where(q => q.GetProperty("forGuardian").GetBoolean()).Select(q => q.GetProperty("id").GetString());
        Assert.Equal(["contact"], forGuardian);
    }

    [Fact]
    public async Task A_valid_response_is_stored_and_a_second_one_replaces_it()
    {
        var (given, school, ada, form) = await AdaAssignedTheTrip();
        var student = api.Student(given.Org, school, ada);

        var first = await (await student.Post($"/me/forms/{form}/responses", new { answers = TripForm.ValidAnswers })).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Submitted", first.GetProperty("status").GetString());
        await (await student.Post($"/me/forms/{form}/responses", new { answers = new { name = "Ada King", lunch = "Packed", photos = true } }))
            .ShouldBe(HttpStatusCode.OK);

        var listed = Assert.Single((await (await student.GetAsync("/me/forms")).ShouldBe(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("Submitted", listed.GetProperty("status").GetString());
        var response = Assert.Single((await (await api.District(given.Org).GetAsync($"/forms/{form}/responses")).ShouldBe(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(ada, response.GetProperty("studentId").GetGuid());
        Assert.Equal(2, response.GetProperty("submission").GetInt32());
        var answers = response.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal(["name", "lunch", "photos"], answers.Select(a => a.GetProperty("questionId").GetString()));
        Assert.Equal("Ada King", answers[0].GetProperty("text").GetString());
        Assert.Equal(["Packed"], TripForm.Strings(answers[1].GetProperty("choices")));

        var events = await api.Store.LightweightSession(given.Org.ToString()).Events.FetchStreamAsync(Portal.Roster.Forms.Form.ResponseIdOf(form, ada));
        Assert.Equal(2, events.Count(e => e.Data is Portal.Roster.Forms.FormResponseSubmitted));
    }

    [Fact]
    public async Task Answering_a_guardian_details_question_is_refused_naming_it()
    {
        var (given, school, ada, form) = await AdaAssignedTheTrip();

        var problem = await (await api.Student(given.Org, school, ada).Post($"/me/forms/{form}/responses",
                new { answers = new { name = "Ada", lunch = "Hot", photos = true, contact = "Mum, 07700 900123" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "Question 'contact' (Emergency contact) is for a parent or guardian to answer");
        Assert.True(problem.GetProperty("errors").TryGetProperty("answers.contact", out _));
        Assert.Empty((await (await api.District(given.Org).GetAsync($"/forms/{form}/responses")).ShouldBe(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Answers_of_the_wrong_type_are_refused_field_by_field()
    {
        var (given, school, ada, form) = await AdaAssignedTheTrip();

        var problem = await (await api.Student(given.Org, school, ada).Post($"/me/forms/{form}/responses",
                new { answers = new { lunch = "Sushi", activities = "Kayak", birthday = "02/05/2014", photos = false } }))
            .ShouldBe(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal(["answers.activities", "answers.birthday", "answers.lunch", "answers.name", "answers.photos"],
            errors.EnumerateObject().Select(e => e.Name).Order().ToArray());
        Assert.Contains("takes a date as yyyy-MM-dd", errors.GetProperty("answers.birthday")[0].GetString());
    }

    [Fact]
    public async Task Only_a_student_account_has_forms_here()
    {
        var (given, school, _, _) = await AdaAssignedTheTrip();

        await (await api.Building(given.Org, school).GetAsync("/me/forms")).ShouldBeProblem(HttpStatusCode.Forbidden, "Only a student account");
    }

    [Fact]
    public async Task A_student_of_another_organisation_does_not_reach_the_form()
    {
        var (_, school, ada, form) = await AdaAssignedTheTrip();
        var elsewhere = new Given(api);
        var theirSchool = await elsewhere.School();
        var stranger = await elsewhere.Student(theirSchool);

        await (await api.Student(elsewhere.Org, theirSchool, stranger).GetAsync($"/me/forms/{form}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Form {form} was not found.");
        // The same student id presented in another organisation is nobody there.
        await (await api.Student(elsewhere.Org, school, ada).GetAsync($"/me/forms/{form}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "Your student record was not found");
    }
}
