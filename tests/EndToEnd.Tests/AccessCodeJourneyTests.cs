using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.Clients;
using Portal.MisSync;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Parent/guardian access codes through the gateway only: staff enable a code, a guardian registers, pairs and sees the
/// student; staff reset the code, a second guardian's attempt with the old code fails while the first keeps access; staff
/// revoke the first guardian, whose access ends and whose old code fails.
/// </summary>
[Collection(PortalSystemCollection.Name)]
public sealed class AccessCodeJourneyTests(PortalSystemFixture fixture)
{
    private const string GuardianPassword = "Guardian-password-2026";
    private readonly Clients clients = new(fixture);

    [Fact]
    public async Task Staff_enable_a_guardian_pairs_staff_reset_and_revoke_and_old_codes_stop_working()
    {
        var (admin, amara) = await SchoolWithRollAsync();
        await Waiting.Until(async () => (await admin.GetAsync($"/access-codes/students/{amara}")).StatusCode == HttpStatusCode.OK,
            "AccessCode to learn the roll from Roster");

        var enabled = await admin.PostAsync($"/access-codes/students/{amara}/enable", null);
        Assert.Equal(HttpStatusCode.Created, enabled.StatusCode);
        var firstCode = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        var first = await GuardianAsync("Olu", "Okoye");
        var paired = await first.PostAsJsonAsync("/access-codes/pair", new { code = firstCode.ToLowerInvariant().Replace("-", " ") });
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        Assert.Equal("Amara Okoye", (await paired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studentName").GetString());
        Assert.True(await SeesAmara(first, amara));
        await Waiting.Until(async () => await ChildrenInRoster(first) == 1, "Roster to learn the pairing");

        var view = await admin.GetFromJsonAsync<JsonElement>($"/access-codes/students/{amara}");
        var firstGuardian = view.GetProperty("guardians").EnumerateArray().Single().GetProperty("guardianId").GetGuid();

        var reset = await admin.PostAsync($"/access-codes/students/{amara}/reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var secondCode = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        Assert.NotEqual(firstCode, secondCode);

        var second = await GuardianAsync("Ife", "Okoye");
        var refused = await second.PostAsJsonAsync("/access-codes/pair", new { code = firstCode });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("replaced", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await SeesAmara(first, amara), "the first guardian keeps access after a reset");
        Assert.Equal(1, await ChildrenInRoster(first));

        var guardianView = await admin.GetFromJsonAsync<JsonElement>($"/access-codes/guardians/{firstGuardian}");
        Assert.Equal(amara, guardianView.GetProperty("students").EnumerateArray().Single().GetProperty("studentId").GetGuid());
        var revoked = await admin.PostAsJsonAsync($"/access-codes/guardians/{firstGuardian}/revoke", new { studentIds = new[] { amara } });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        Assert.False(await SeesAmara(first, amara), "the revoked guardian no longer sees the student");
        await Waiting.Until(async () => await ChildrenInRoster(first) == 0, "Roster to learn the revocation");
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/roster/me/children/{amara}")).StatusCode);
        var again = await first.PostAsJsonAsync("/access-codes/pair", new { code = secondCode });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("replaced", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A new organisation and school whose MIS has published the demo roll; answers the administrator and Amara's id.</summary>
    private async Task<(HttpClient Admin, Guid Amara)> SchoolWithRollAsync()
    {
        var (org, school, admin) = await clients.SchoolAsync("Riverside Trust", "Riverside Academy", "180001");
        var students = $"/roster/institutions/{school}/students";
        await new MisRollPublisher(fixture.System.RabbitMqUri).PublishFolderAsync(
            new MisRollRequest(org, school, Waiting.DemoRollFor(school), FullRoll: true));
        Guid? amara = null;
        await Waiting.Until(async () =>
        {
            var roll = await admin.GetFromJsonAsync<JsonElement>(students);
            amara = roll.EnumerateArray().FirstOrDefault(s => s.GetProperty("givenName").GetString() == "Amara") is { ValueKind: JsonValueKind.Object } a
                ? a.GetProperty("id").GetGuid()
                : null;
            return amara is not null;
        }, "Amara to arrive in Roster");
        return (admin, amara!.Value);
    }

    /// <summary>A parent registers on Identity, verifies their email and signs in on the login page.</summary>
    private async Task<HttpClient> GuardianAsync(string givenName, string familyName)
    {
        var email = $"{givenName.ToLowerInvariant()}.{Guid.NewGuid():N}@home.example";
        await GuardianSignUp.RegisterAsync(clients.Gateway, clients.Mailbox, email, givenName, familyName, GuardianPassword);
        return clients.Bearer((await clients.WebApp().SignInAsync(email, GuardianPassword)).AccessToken);
    }

    private static async Task<bool> SeesAmara(HttpClient guardian, Guid amara) =>
        (await guardian.GetFromJsonAsync<JsonElement>("/access-codes/me/students")).EnumerateArray()
        .Any(s => s.GetProperty("studentId").GetGuid() == amara);

    private static async Task<int> ChildrenInRoster(HttpClient guardian) =>
        (await guardian.GetFromJsonAsync<JsonElement>("/roster/me/children")).GetArrayLength();
}
