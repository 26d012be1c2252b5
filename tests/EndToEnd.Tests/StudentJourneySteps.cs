using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.AppHost.Clients;
using Portal.AppHost.DemoData;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// <summary>A student's username and setup code as printed on their start card.</summary>
public sealed record PrintedCard(string Username, string Code);

/// <summary>
/// The steps of the student-logins journey that are about getting somewhere rather than what is checked there: the
/// school's roll with its own email addresses, a student's login as staff see it, reading start cards, and the set-up
/// page a student fills in from their card.
/// </summary>
public sealed partial class StudentJourneySteps(Clients clients)
{
    public const string StudentPassword = "Student-first-password-1";

    public static async Task<JsonElement[]> RollAsync(HttpClient staff, Guid school) =>
        (await staff.GetFromJsonAsync<JsonElement>($"/roster/institutions/{school}/students")).EnumerateArray().ToArray();

    public static async Task WaitForRollAsync(HttpClient staff, Guid school) =>
        await Waiting.Until(async () => (await RollAsync(staff, school)).Length == RosterDemoData.Students, "the roll to arrive in Roster");

    public static string? EmailOf(JsonElement student) =>
        student.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String ? email.GetString() : null;

    /// <summary>The student's login as staff see it in Identity, or null when they have none.</summary>
    public static async Task<JsonElement?> LoginAsync(HttpClient staff, JsonElement student)
    {
        var response = await staff.GetAsync($"/identity/students/{student.Id()}/login");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await response.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<bool> LoginEnabledAsync(HttpClient staff, JsonElement student) =>
        (await LoginAsync(staff, student))?.GetProperty("enabled").GetBoolean() == true;

    /// <summary>The cards of a start-card PDF, in order, each read from its "Username … Setup code …" lines.</summary>
    public static IReadOnlyList<PrintedCard> Cards(PdfPages pdf) =>
        [.. pdf.Pages.SelectMany(p => Card().Matches(p.CompactText).Select(m => new PrintedCard(m.Groups[1].Value, m.Groups[2].Value)))];

    /// <summary>The student follows "First time? Use your setup code" and chooses a password with the code from their card.</summary>
    public async Task SetPasswordWithCardAsync(PrintedCard card)
    {
        var browser = Clients.Browser();
        var page = new Uri(clients.Gateway, "/identity/account/start");
        var form = HtmlForm.Read(await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
        var response = await browser.PostAsync(new Uri(page, form.Action ?? page.PathAndQuery), form.With(new()
        {
            ["username"] = card.Username, ["code"] = card.Code, ["password"] = StudentPassword, ["confirmPassword"] = StudentPassword,
        }));
        Assert.True(response.IsSuccessStatusCode, $"The set-up page refused the card: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The student signs in on the same login page as everyone (code + PKCE, offline_access for a refresh token).</summary>
    public async Task<(PortalSignIn App, TokenSet Tokens)> SignInAsync(string username)
    {
        var app = clients.WebApp();
        return (app, await app.SignInAsync(username, StudentPassword));
    }

    [GeneratedRegex("Username(.+?)Setupcode([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex Card();
}
