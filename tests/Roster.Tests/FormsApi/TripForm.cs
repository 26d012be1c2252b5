using System.Net;
using System.Text.Json;

namespace Portal.Roster.Tests.FormsApi;

/// <summary>A trip form created through the API, and helpers to assign and read it.</summary>
public static class TripForm
{
    public static readonly object[] Questions =
    [
        new { id = "name", type = "ShortText", prompt = "Name on the ticket", required = true },
        new { id = "lunch", type = "SingleChoice", prompt = "Lunch", required = true, options = new[] { "Packed", "Hot" } },
        new { id = "activities", type = "MultipleChoice", prompt = "Activities", options = new[] { "Climbing", "Kayak" } },
        new { id = "birthday", type = "Date", prompt = "Date of birth" },
        new { id = "photos", type = "Consent", prompt = "I agree to photographs", required = true },
        new { id = "contact", type = "GuardianDetails", prompt = "Emergency contact", required = true },
    ];

    public static readonly object[] WithoutGuardianQuestions = [Questions[0], Questions[1]];

    public static readonly object ValidAnswers = new { name = "Ada Lovelace", lunch = "Hot", activities = new[] { "Kayak" }, birthday = "2014-05-02", photos = true };

    public static async Task<Guid> Create(HttpClient staff, Guid school, object[]? questions = null, string title = "Trip to the lakes")
    {
        var created = await (await staff.Post($"/institutions/{school}/forms", new { title, questions = questions ?? Questions }))
            .ShouldBe(HttpStatusCode.Created);
        return created.Id();
    }

    public static async Task<JsonElement> Assign(HttpClient staff, Guid form, object target) =>
        await (await staff.Post($"/forms/{form}/assignments", target)).ShouldBe(HttpStatusCode.OK);

    public static Guid[] Ids(JsonElement array) => array.EnumerateArray().Select(e => e.GetGuid()).Order().ToArray();

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
