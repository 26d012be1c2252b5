using System.Net;
using System.Text.Json;
using Portal.Roster.Tests.Api;
using Portal.Roster.Tests.FormsApi;

namespace Portal.Roster.Tests.GuardiansOfStudents;

/// <summary>
/// A guardian's view of each paired child carries the forms assigned to that child's guardians, with whether this
/// guardian has submitted each, so the list of children says what is waiting for them.
/// </summary>
[Collection(RosterApiCollection.Name)]
public sealed class MyChildrenFormsApiTests(RosterApi api)
{
    private readonly Given given = new(api);
    private readonly AccessCodeMessages accessCode = new(api);

    private static readonly object GuardianAnswers = new { name = "Ada Lovelace", lunch = "Packed", photos = true, contact = "Mum, 07700 900123" };

    private async Task<JsonElement> Child(Guid guardian, Guid student) =>
        (await (await accessCode.Guardian(guardian).GetAsync("/me/children")).ShouldBe(HttpStatusCode.OK)).EnumerateArray()
        .Single(c => c.GetProperty("studentId").GetGuid() == student);

    private static (Guid Id, string Title, string Status)[] Forms(JsonElement child) =>
        child.GetProperty("forms").EnumerateArray()
            .Select(f => (f.Id(), f.GetProperty("title").GetString()!, f.GetProperty("status").GetString()!)).ToArray();

    private static async Task AssignToGuardians(HttpClient staff, Guid form, params Guid[] students) =>
        await (await staff.Post($"/forms/{form}/guardian-assignments", new { studentIds = students })).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Each_child_lists_the_forms_for_its_guardians_newest_first_with_this_guardians_own_status()
    {
        var school = await given.School();
        var (ada, ben) = (await given.Student(school, givenName: "Ada", familyName: "Lovelace"),
            await given.Student(school, givenName: "Ben", familyName: "Lovelace"));
        var staff = api.District(given.Org);
        var trip = await TripForm.Create(staff, school, title: "Trip to the lakes");
        var photos = await TripForm.Create(staff, school, title: "School photographs");
        var studentsOnly = await TripForm.Create(staff, school, TripForm.WithoutGuardianQuestions, title: "Lunch choice");
        await AssignToGuardians(staff, trip, ada, ben);
        await AssignToGuardians(staff, photos, ada);
        await TripForm.Assign(staff, studentsOnly, new { studentId = ada });
        var (mum, dad) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (student, guardian) in new[] { (ada, mum), (ben, mum), (ada, dad) })
            await accessCode.Paired(given.Org, school, student, guardian, version: 2);

        await (await accessCode.Guardian(mum).Post($"/me/children/{ada}/forms/{trip}/responses", new { answers = GuardianAnswers }))
            .ShouldBe(HttpStatusCode.Created);

        var adaForMum = await Child(mum, ada);
        Assert.Equal([(photos, "School photographs", "NotStarted"), (trip, "Trip to the lakes", "Submitted")], Forms(adaForMum));
        Assert.Equal(1, adaForMum.GetProperty("formsAwaiting").GetInt32());
        Assert.Equal([(trip, "Trip to the lakes", "NotStarted")], Forms(await Child(mum, ben)));
        // Each guardian answers for themselves: mum's response does not count for dad.
        var adaForDad = await Child(dad, ada);
        Assert.Equal([(photos, "School photographs", "NotStarted"), (trip, "Trip to the lakes", "NotStarted")], Forms(adaForDad));
        Assert.Equal(2, adaForDad.GetProperty("formsAwaiting").GetInt32());
        var one = await (await accessCode.Guardian(mum).GetAsync($"/me/children/{ada}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(adaForMum.ToString(), one.ToString());
    }

    [Fact]
    public async Task A_child_in_another_organisation_carries_only_that_organisations_forms()
    {
        var other = new Given(api);
        var (northfield, southfield) = (await given.School("Northfield Academy"), await other.School("Southfield Primary"));
        var (ada, ben) = (await given.Student(northfield, familyName: "Adams"), await other.Student(southfield, familyName: "Brown"));
        var northForm = await TripForm.Create(api.District(given.Org), northfield, title: "Northfield trip");
        var southForm = await TripForm.Create(api.District(other.Org), southfield, title: "Southfield trip");
        await AssignToGuardians(api.District(given.Org), northForm, ada);
        await AssignToGuardians(api.District(other.Org), southForm, ben);
        var guardian = Guid.NewGuid();
        await accessCode.Paired(given.Org, northfield, ada, guardian, version: 2);
        await accessCode.Paired(other.Org, southfield, ben, guardian, version: 2);

        Assert.Equal([(northForm, "Northfield trip", "NotStarted")], Forms(await Child(guardian, ada)));
        Assert.Equal([(southForm, "Southfield trip", "NotStarted")], Forms(await Child(guardian, ben)));
    }
}
