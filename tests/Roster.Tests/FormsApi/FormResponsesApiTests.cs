using System.Net;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.FormsApi;

/// <summary>Staff reading a form's responses within their scope.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class FormResponsesApiTests(RosterApi api)
{
    [Fact]
    public async Task A_teacher_sees_only_the_responses_of_students_in_their_classes()
    {
        var given = new Given(api);
        var school = await given.School();
        var me = await given.Teacher(school);
        var (ada, alan) = (await given.Student(school, familyName: "Lovelace"), await given.Student(school, familyName: "Turing"));
        await given.Class(school, [me], [ada]);
        await given.Class(school, [await given.Teacher(school)], [alan]);
        var staff = api.District(given.Org);
        var form = await TripForm.Create(staff, school);
        await TripForm.Assign(staff, form, new { yearGroup = "Y7" });
        foreach (var student in new[] { ada, alan })
            await (await api.Student(given.Org, school, student).Post($"/me/forms/{form}/responses", new { answers = TripForm.ValidAnswers }))
                .ShouldBe(HttpStatusCode.Created);

        var teachers = await (await api.Teacher(given.Org, school, me).GetAsync($"/forms/{form}/responses")).ShouldBe(HttpStatusCode.OK);
        var all = await (await api.Building(given.Org, school).GetAsync($"/forms/{form}/responses")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([ada], teachers.EnumerateArray().Select(r => r.GetProperty("studentId").GetGuid()));
        Assert.Equal(["Lovelace", "Turing"], all.EnumerateArray().Select(r => r.GetProperty("familyName").GetString()));
    }

    [Fact]
    public async Task Another_organisation_does_not_see_the_responses()
    {
        var given = new Given(api);
        var school = await given.School();
        var form = await TripForm.Create(api.District(given.Org), school);
        var elsewhere = new Given(api);

        await (await api.District(elsewhere.Org).GetAsync($"/forms/{form}/responses"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Form {form} was not found.");
    }
}
