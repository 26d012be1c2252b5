using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Portal.AppHost.Clients;
using Portal.EndToEnd.Tests;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// A signed-in guardian guessing access codes through the gateway: the fifth wrong code within 15 minutes locks pairing
/// for the guardian and for their address, after which even the right code answers 429 problem details with
/// Retry-After (as POST /access-codes/pair documents), from another address for that guardian and for another guardian
/// from that address; another guardian elsewhere pairs with the same code.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class PairingBruteForceTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    // services/AccessCode/Pairing/PairingAttempts.cs (PairingLimits.MaximumFailures).
    private const int MaximumFailures = 5;
    private const string GuardianPassword = "Guardian-password-2026";
    // services/AccessCode/Codes/AccessCodeText.cs: the letters and digits a code is made of.
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    [Fact]
    public async Task The_fifth_wrong_code_locks_pairing_for_the_guardian_and_the_address_even_for_the_right_code()
    {
        var report = new SecurityReport();
        var code = await AccessCodeForNewStudentAsync();
        var (guessing, elsewhere) = (LoopbackAddress.Fresh(), LoopbackAddress.Fresh());
        var guesser = await GuardianTokenAsync("Gus");
        var neighbour = await GuardianTokenAsync("Nell");

        for (var attempt = 1; attempt <= MaximumFailures; attempt++)
        {
            var answer = await PairAsync(guessing, guesser, WrongCode());
            report.Add(new("pairing: wrong code", $"attempt {attempt} of {MaximumFailures}", answer.Status,
                answer is { Status: HttpStatusCode.NotFound or HttpStatusCode.BadRequest, IsProblem: true }, answer.Detail));
        }
        ExpectLocked(report, "pairing: right code once locked", await PairAsync(guessing, guesser, code));
        ExpectLocked(report, "pairing: locked guardian, another address", await PairAsync(elsewhere, guesser, code));
        ExpectLocked(report, "pairing: another guardian, locked address", await PairAsync(guessing, neighbour, code));
        var paired = await PairAsync(elsewhere, neighbour, code);
        report.Add(new("control: another guardian elsewhere", "POST /access-codes/pair", paired.Status,
            paired.Status == HttpStatusCode.OK, paired.Detail));

        output.WriteLine(report.Table("Access-code pairing brute force, through the gateway",
        [
            $"limit: {MaximumFailures} codes that did not work within 15 minutes lock pairing for 15 minutes, per guardian and per address (429, Retry-After)",
            "codes guessed: 12 random symbols of the code alphabet, as a guesser would type them",
        ]));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.Empty(report.Failures);
    }

    private static void ExpectLocked(SecurityReport report, string check, PairAnswer answer) =>
        report.Add(new(check, "POST /access-codes/pair", answer.Status,
            answer is { Status: HttpStatusCode.TooManyRequests, IsProblem: true, RetryAfter: true } && answer.Detail.Contains("Too many codes"),
            answer.Detail));

    private sealed record PairAnswer(HttpStatusCode Status, bool IsProblem, bool RetryAfter, string Detail);

    private async Task<PairAnswer> PairAsync(IPAddress from, string token, string code)
    {
        using var client = LoopbackAddress.Gateway(from, suite.System.GatewayUrl);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsJsonAsync("/access-codes/pair", new { code });
        var answer = await ProblemAnswer.ReadAsync(response);
        return new PairAnswer(answer.Status, answer.IsProblem, response.Headers.RetryAfter is not null, answer.Detail);
    }

    private static string WrongCode()
    {
        var symbols = Enumerable.Range(0, 12).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]).ToArray();
        return $"{new string(symbols[..4])}-{new string(symbols[4..8])}-{new string(symbols[8..])}";
    }

    /// <summary>A student of organisation A's school, added for this check, with an access code issued.</summary>
    private async Task<string> AccessCodeForNewStudentAsync()
    {
        var admin = suite.Clients.Bearer(suite.OrganisationAToken);
        var created = await admin.PostAsJsonAsync($"/roster/institutions/{suite.OrganisationA["school"]}/students",
            new { givenName = "Pat", familyName = "Pairing", yearGroup = "Y7", classIds = new[] { suite.OrganisationA["class"] } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var student = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Waiting.Until(async () => (await admin.GetAsync($"/access-codes/students/{student}")).StatusCode == HttpStatusCode.OK,
            "AccessCode to learn the student from Roster");
        var enabled = await admin.PostAsync($"/access-codes/students/{student}/enable", null);
        Assert.Equal(HttpStatusCode.Created, enabled.StatusCode);
        return (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    /// <summary>A parent registers on Identity, verifies their email and signs in on the login page.</summary>
    private async Task<string> GuardianTokenAsync(string givenName)
    {
        var email = $"{givenName.ToLowerInvariant()}.{Guid.NewGuid():N}@home.example";
        await GuardianSignUp.RegisterAsync(suite.Clients.Gateway, suite.Clients.Mailbox, email, givenName, "Guesser", GuardianPassword);
        return (await suite.Clients.WebApp().SignInAsync(email, GuardianPassword)).AccessToken;
    }
}
