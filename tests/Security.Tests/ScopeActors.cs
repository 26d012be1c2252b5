using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.Clients;
using Portal.EndToEnd.Tests;
using Portal.Testing;

namespace Portal.Security.Tests;

/// <summary>
/// How each kind of actor the scope rules speak of comes to be, through the gateway only: staff invited by the
/// District Administrator into a school, a guardian who registers and pairs with an access code, a student who sets a
/// password from their start card. Each answers the account id and a signed-in access token.
/// </summary>
public sealed class ScopeActors(Clients clients, HttpClient admin)
{
    private const string GuardianPassword = "Guardian-password-2026";
    private readonly StudentJourneySteps steps = new(clients);

    public async Task<(Guid Id, string Token)> StaffAsync(string staffType, Guid school, string givenName)
    {
        var email = $"{givenName.ToLowerInvariant()}.{Guid.NewGuid():N}@scope.example";
        var created = await (await admin.Post("/identity/staff", new
        {
            email, givenName, familyName = "Scope", staffType, institutions = new[] { school },
        })).ShouldBe(HttpStatusCode.Created);
        await clients.AcceptInvitationAsync(email);
        return (created.Id(), await clients.SignInAsync(email));
    }

    /// <summary>Staff enable the student's access code; a parent registers, verifies their email, signs in and pairs.</summary>
    public async Task<(Guid Id, string Token)> GuardianPairedWithAsync(Guid student)
    {
        await Waiting.Until(async () => (await admin.GetAsync($"/access-codes/students/{student}")).StatusCode == HttpStatusCode.OK,
            "AccessCode to learn the student from Roster");
        var code = (await (await admin.PostAsync($"/access-codes/students/{student}/enable", null)).ShouldBe(HttpStatusCode.Created))
            .GetProperty("code").GetString()!;
        var email = $"guardian.{Guid.NewGuid():N}@home.example";
        await GuardianSignUp.RegisterAsync(clients.Gateway, clients.Mailbox, email, "Gita", "Scope", GuardianPassword);
        var token = (await clients.WebApp().SignInAsync(email, GuardianPassword)).AccessToken;
        var guardian = clients.Bearer(token);
        await (await guardian.Post("/access-codes/pair", new { code })).ShouldBe(HttpStatusCode.OK);
        await Waiting.Until(async () => (await guardian.GetFromJsonAsync<JsonElement>("/roster/me/children")).GetArrayLength() == 1,
            "Roster to learn the pairing");
        var id = (await admin.GetFromJsonAsync<JsonElement>($"/access-codes/students/{student}"))
            .GetProperty("guardians").EnumerateArray().Single().GetProperty("guardianId").GetGuid();
        return (id, token);
    }

    /// <summary>
    /// Once Identity has given the student a login (their school's student-logins setting covers their year group), staff
    /// print their start card and the student sets a password with its code and signs in.
    /// </summary>
    public async Task<string> StudentSignedInAsync(Guid student)
    {
        await Waiting.Until(async () => await StudentJourneySteps.LoginAsync(admin, JsonSerializer.SerializeToElement(new { id = student }))
            is { } login && login.GetProperty("enabled").GetBoolean(), "Identity to give the student a login");
        var card = Assert.Single(StudentJourneySteps.Cards(await PdfPages.ReadAsync(
            await (await admin.PostAsync($"/identity/students/{student}/start-card.pdf", null)).EnsureOk())));
        await steps.SetPasswordWithCardAsync(card);
        return (await steps.SignInAsync(card.Username)).Tokens.AccessToken;
    }
}

public static class ResponseChecks
{
    public static async Task<HttpResponseMessage> EnsureOk(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
