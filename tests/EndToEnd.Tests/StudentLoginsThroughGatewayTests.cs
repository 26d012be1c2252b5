using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.DemoData;
using Portal.MisSync;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Student logins decided from Institution's setting and the MIS roll, seen through the gateway: exactly the students of
/// the enabled year groups with an email get a login (username = their email); taking a year group away disables them.
/// </summary>
[Collection(PortalSystemCollection.Name)]
public sealed class StudentLoginsThroughGatewayTests(PortalSystemFixture fixture)
{
    private readonly Clients clients = new(fixture);

    [Fact]
    public async Task Years_10_and_11_with_emails_get_logins_and_removing_year_11_disables_theirs()
    {
        var (org, school, admin) = await clients.SchoolAsync("Lakeside Trust", "Lakeside Academy", "190001");
        var operatorForOrg = clients.Bearer(await clients.OperatorTokenAsync(), org);
        var students = $"/roster/institutions/{school}/students";

        await SetStudentLogins(operatorForOrg, school, "Y10", "Y11");
        await new MisRollPublisher(fixture.System.RabbitMqUri).PublishFolderAsync(
            new MisRollRequest(org, school, Waiting.DemoRollFor(school), FullRoll: true));
        await Waiting.Until(async () => (await admin.GetFromJsonAsync<JsonElement>(students)).GetArrayLength() == RosterDemoData.Students,
            "the roll to arrive");
        var roll = (await admin.GetFromJsonAsync<JsonElement>(students)).EnumerateArray().ToList();
        var eligible = roll.Where(s => s.GetProperty("yearGroup").GetString() is "Y10" or "Y11"
                                       && s.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String).ToList();
        var others = roll.Except(eligible).ToList();
        Assert.NotEmpty(eligible);
        Assert.NotEmpty(others);

        foreach (var student in eligible)
            await Waiting.Until(async () => await Login(admin, student) is { } login && login.GetProperty("enabled").GetBoolean()
                && login.GetProperty("username").GetString() == student.GetProperty("email").GetString()!.ToLowerInvariant(),
                $"a login for the {student.GetProperty("yearGroup").GetString()} student");
        foreach (var student in others)
            Assert.Null(await Login(admin, student));

        await SetStudentLogins(operatorForOrg, school, "Y10");
        foreach (var student in eligible)
        {
            var stillEnabled = student.GetProperty("yearGroup").GetString() == "Y10";
            await Waiting.Until(async () => (await Login(admin, student))?.GetProperty("enabled").GetBoolean() == stillEnabled,
                stillEnabled ? "Year 10 to keep its logins" : "Year 11's logins to be disabled");
        }

        // Another organisation's administrator cannot see these students' logins.
        var (_, strangerEmail) = await clients.DistrictAdministratorAsync(Guid.NewGuid());
        var stranger = clients.Bearer(await clients.SignInAsync(strangerEmail));
        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.GetAsync($"/identity/students/{eligible[0].GetProperty("id").GetGuid()}/login")).StatusCode);
    }

    private static async Task SetStudentLogins(HttpClient operatorForOrg, Guid school, params string[] yearGroups)
    {
        var response = await operatorForOrg.PutAsJsonAsync($"/institution/institutions/{school}/settings/student-logins",
            new { enabled = true, yearGroups });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement?> Login(HttpClient staff, JsonElement student)
    {
        var response = await staff.GetAsync($"/identity/students/{student.GetProperty("id").GetGuid()}/login");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
