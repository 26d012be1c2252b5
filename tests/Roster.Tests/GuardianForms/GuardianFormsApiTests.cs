using System.Net;
using System.Text.Json;
using Portal.Roster.Forms;
using Portal.Roster.Tests.Api;
using Portal.Roster.Tests.FormsApi;
using Portal.Roster.Tests.GuardiansOfStudents;

namespace Portal.Roster.Tests.GuardianForms;

/// <summary>A paired guardian answers the forms assigned to their child's guardians under /me/children/{student}/forms.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class GuardianFormsApiTests(RosterApi api)
{
    private readonly Given given = new(api);
    private readonly AccessCodeMessages accessCode = new(api);

    private static readonly object GuardianAnswers = new { name = "Ada Lovelace", lunch = "Packed", photos = true, contact = "Mum, 07700 900123" };

    /// <summary>Ada's trip form, assigned to Ada and to her guardians, and Ada's mum paired with her.</summary>
    private async Task<(Guid School, Guid Ada, Guid Form, Guid Mum)> TripForAdaAndHerGuardians()
    {
        var school = await given.School();
        var ada = await given.Student(school, familyName: "Lovelace");
        var staff = api.District(given.Org);
        var form = await TripForm.Create(staff, school);
        await TripForm.Assign(staff, form, new { studentId = ada });
        await (await staff.Post($"/forms/{form}/guardian-assignments", new { studentIds = new[] { ada } })).ShouldBe(HttpStatusCode.OK);
        var mum = Guid.NewGuid();
        await accessCode.Paired(given.Org, school, ada, mum, version: 2);
        return (school, ada, form, mum);
    }

    private static string Status(JsonElement form) => form.GetProperty("status").GetString()!;

    [Fact]
    public async Task A_paired_guardian_answers_guardian_details_and_a_second_answer_replaces_the_first()
    {
        var (_, ada, form, mum) = await TripForAdaAndHerGuardians();
        var guardian = accessCode.Guardian(mum);

        var before = Assert.Single((await (await guardian.GetAsync($"/me/children/{ada}/forms")).ShouldBe(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal((form, "NotStarted"), (before.Id(), Status(before)));
        var created = await guardian.Post($"/me/children/{ada}/forms/{form}/responses", new { answers = GuardianAnswers });
        var first = await created.ShouldBe(HttpStatusCode.Created);
        Assert.Equal($"/me/children/{ada}/forms/{form}", created.Headers.Location?.OriginalString);
        Assert.Equal("Submitted", Status(first));
        await (await guardian.Post($"/me/children/{ada}/forms/{form}/responses",
            new { answers = new { name = "Ada Lovelace", lunch = "Hot", photos = true, contact = "Dad, 07700 900456" } })).ShouldBe(HttpStatusCode.OK);

        var view = await (await guardian.GetAsync($"/me/children/{ada}/forms/{form}")).ShouldBe(HttpStatusCode.OK);
        var contact = view.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionId").GetString() == "contact");
        Assert.Equal("Dad, 07700 900456", contact.GetProperty("text").GetString());
        Assert.Equal(6, view.GetProperty("questions").GetArrayLength());
        var listed = Assert.Single((await (await guardian.GetAsync($"/me/children/{ada}/forms")).ShouldBe(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("Submitted", Status(listed));
        var events = await api.Store.LightweightSession(given.Org.ToString()).Events.FetchStreamAsync(Form.GuardianResponseIdOf(form, ada, mum));
        Assert.Equal([1, 2], events.Select(e => e.Data).OfType<GuardianFormResponseSubmitted>().Select(e => e.Submission));
    }

    [Fact]
    public async Task Staff_see_the_students_response_and_the_guardians_marked_as_theirs()
    {
        var (school, ada, form, mum) = await TripForAdaAndHerGuardians();
        var student = api.Student(given.Org, school, ada);
        await (await student.Post($"/me/forms/{form}/responses", new { answers = new { name = "Ada", lunch = "Hot", photos = true, contact = "Mum" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "Question 'contact' (Emergency contact) is for a parent or guardian to answer");
        await (await student.Post($"/me/forms/{form}/responses", new { answers = TripForm.ValidAnswers })).ShouldBe(HttpStatusCode.Created);
        await (await accessCode.Guardian(mum).Post($"/me/children/{ada}/forms/{form}/responses", new { answers = GuardianAnswers }))
            .ShouldBe(HttpStatusCode.Created);

        var responses = (await (await api.Building(given.Org, school).GetAsync($"/forms/{form}/responses")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().ToList();

        Assert.Equal([("Student", null), ("Guardian", mum)],
            responses.Select(r => (r.GetProperty("answeredBy").GetString(), r.GetProperty("guardianId").ValueKind == JsonValueKind.Null ? (Guid?)null : r.GetProperty("guardianId").GetGuid())));
        Assert.All(responses, r => Assert.Equal((ada, "Lovelace"), (r.GetProperty("studentId").GetGuid(), r.GetProperty("familyName").GetString())));
        Assert.Contains(responses[1].GetProperty("answers").EnumerateArray(), a => a.GetProperty("questionId").GetString() == "contact");
        var mine = Assert.Single((await (await student.GetAsync("/me/forms")).ShouldBe(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("Submitted", Status(mine));
    }

    [Fact]
    public async Task A_guardian_not_paired_with_the_child_gets_404()
    {
        var (_, ada, form, _) = await TripForAdaAndHerGuardians();
        var stranger = accessCode.Guardian(Guid.NewGuid());

        await (await stranger.GetAsync($"/me/children/{ada}/forms")).ShouldBeProblem(HttpStatusCode.NotFound, $"Student {ada} is not one of your children");
        await (await stranger.GetAsync($"/me/children/{ada}/forms/{form}")).ShouldBeProblem(HttpStatusCode.NotFound, "not one of your children");
        await (await stranger.Post($"/me/children/{ada}/forms/{form}/responses", new { answers = GuardianAnswers }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not one of your children");
        Assert.Empty((await (await api.District(given.Org).GetAsync($"/forms/{form}/responses")).ShouldBe(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_revoked_guardian_gets_404_and_can_no_longer_answer()
    {
        var (school, ada, form, mum) = await TripForAdaAndHerGuardians();
        var guardian = accessCode.Guardian(mum);
        await (await guardian.Post($"/me/children/{ada}/forms/{form}/responses", new { answers = GuardianAnswers })).ShouldBe(HttpStatusCode.Created);

        await accessCode.Revoked(given.Org, school, ada, mum, version: 3);

        await (await guardian.GetAsync($"/me/children/{ada}/forms")).ShouldBeProblem(HttpStatusCode.NotFound, "not one of your children");
        await (await guardian.GetAsync($"/me/children/{ada}/forms/{form}")).ShouldBeProblem(HttpStatusCode.NotFound, "not one of your children");
        await (await guardian.Post($"/me/children/{ada}/forms/{form}/responses", new { answers = GuardianAnswers }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not one of your children");
    }

    [Fact]
    public async Task A_form_not_assigned_to_the_childs_guardians_gets_404()
    {
        var (school, ada, _, mum) = await TripForAdaAndHerGuardians();
        var studentsOnly = await TripForm.Create(api.District(given.Org), school, title: "For Ada herself");
        await TripForm.Assign(api.District(given.Org), studentsOnly, new { studentId = ada });
        var elsewhere = new Given(api);
        var otherSchool = await elsewhere.School();
        var otherForm = await TripForm.Create(api.District(elsewhere.Org), otherSchool, title: "Another organisation's form");
        await (await api.District(elsewhere.Org).Post($"/forms/{otherForm}/guardian-assignments",
            new { studentIds = new[] { await elsewhere.Student(otherSchool) } })).ShouldBe(HttpStatusCode.OK);
        var guardian = accessCode.Guardian(mum);

        foreach (var form in new[] { studentsOnly, otherForm })
        {
            await (await guardian.GetAsync($"/me/children/{ada}/forms/{form}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Form {form} was not found.");
            await (await guardian.Post($"/me/children/{ada}/forms/{form}/responses", new { answers = GuardianAnswers }))
                .ShouldBeProblem(HttpStatusCode.NotFound, $"Form {form} was not found.");
        }
        var listed = (await (await guardian.GetAsync($"/me/children/{ada}/forms")).ShouldBe(HttpStatusCode.OK)).EnumerateArray();
        Assert.Equal(["Trip to the lakes"], listed.Select(f => f.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_guardians_answers_are_checked_question_by_question()
    {
        var (_, ada, form, mum) = await TripForAdaAndHerGuardians();

        var problem = await (await accessCode.Guardian(mum).Post($"/me/children/{ada}/forms/{form}/responses",
            new { answers = new { lunch = "Sushi", birthday = "02/05/2014", photos = false } })).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal(["answers.birthday", "answers.contact", "answers.lunch", "answers.name", "answers.photos"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Staff_and_students_are_refused()
    {
        var (school, ada, form, _) = await TripForAdaAndHerGuardians();

        foreach (var client in new[] { api.District(given.Org), api.Teacher(given.Org, school, Guid.NewGuid()), api.Student(given.Org, school, ada) })
        {
            await (await client.GetAsync($"/me/children/{ada}/forms")).ShouldBeProblem(HttpStatusCode.Forbidden, "Only a parent/guardian account");
            await (await client.GetAsync($"/me/children/{ada}/forms/{form}")).ShouldBeProblem(HttpStatusCode.Forbidden, "Only a parent/guardian account");
            await (await client.Post($"/me/children/{ada}/forms/{form}/responses", new { answers = GuardianAnswers }))
                .ShouldBeProblem(HttpStatusCode.Forbidden, "Only a parent/guardian account");
        }
    }
}
