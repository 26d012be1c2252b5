using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost;
using Portal.AppHost.Clients;
using Portal.EndToEnd.Tests;
using Portal.MisSync;
using Portal.Testing;
using static Portal.EndToEnd.Tests.StudentJourneySteps;

namespace Portal.Security.Tests;

/// <summary>
/// A full journey through the gateway that hands every service people's details and credentials, noting each one in
/// <see cref="Secrets"/>: an organisation and school (Institution), a District Administrator and a teacher invited,
/// setting passwords and signing in with refresh (Identity), the MIS roll and a student added by hand (Roster),
/// student logins from an approved case with start cards and a student's sign-in, a guardian who registers and pairs
/// with an access code (AccessCode), a form a student answers, and finance's draft invoice (Billing).
/// </summary>
public sealed class ExposureJourney(PortalSystemFixture system)
{
    private const string GuardianPassword = "Guardian-password-Quill-2026";
    private readonly Clients clients = new(system);
    private readonly StudentJourneySteps steps = new(new Clients(system));

    public LogSecrets Secrets { get; } = new();

    public async Task RunAsync()
    {
        var bootstrap = BootstrapOperator.FromEnvironment();
        Secrets.Email(bootstrap.Email);
        Secrets.Password(bootstrap.Password);
        Secrets.Password(Clients.Password);
        Secrets.Password(StudentPassword);
        Secrets.Password(GuardianPassword);
        Secrets.Name("Dana Reid"); // every District Administrator Clients sets up

        var (org, school, admin) = await clients.SchoolAsync("Quillon Learning Trust", "Quillon Academy", "170017");
        var adminEmail = await StaffEmailAsync(admin);
        await NoteInvitationAsync(adminEmail);
        await SignInAndRefreshAsync(adminEmail, Clients.Password);
        var operatorForOrg = clients.Bearer(await clients.OperatorTokenAsync(), org);

        await TeacherAsync(admin, school);
        var term = await TermCoveringTodayAsync(admin, org);
        await StudentLoginsForYears10And11Async(admin, operatorForOrg, school);
        var roll = await RollFromTheMisAsync(admin, org, school);
        await StudentAddedByHandAsync(admin, school);

        var amara = roll.Single(s => s.GetProperty("givenName").GetString() == "Amara");
        var asAmara = await StudentSignsInWithTheirCardAsync(admin, school, roll, amara);
        await GuardianPairsWithAnAccessCodeAsync(admin, amara.Id());
        await StudentAnswersAFormAsync(admin, asAmara, school);
        await FinanceDownloadsTheDraftInvoiceAsync(org, term);
    }

    private async Task<string> StaffEmailAsync(HttpClient staff)
    {
        var subject = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(staff.DefaultRequestHeaders.Authorization!.Parameter).Subject;
        var account = await (await staff.GetAsync($"/identity/staff/{subject}")).ShouldBe(HttpStatusCode.OK);
        var email = account.GetProperty("email").GetString()!;
        Secrets.Email(email);
        Secrets.Token(staff.DefaultRequestHeaders.Authorization!.Parameter);
        return email;
    }

    /// <summary>The one-time token of the newest invitation or verification link mailed to the address.</summary>
    private async Task NoteInvitationAsync(string email, string path = "/account/setup")
    {
        var link = await clients.Mailbox.WaitForLinkAsync(email, path, TimeSpan.FromSeconds(60));
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"];
        Assert.False(string.IsNullOrEmpty(token), $"The link {path} mailed to the account has no token.");
        Secrets.Token(token);
    }

    private async Task<HttpClient> SignInAndRefreshAsync(string username, string password)
    {
        var app = clients.WebApp();
        var tokens = await app.SignInAsync(username, password);
        NoteTokens(tokens);
        Assert.NotNull(tokens.RefreshToken);
        var refreshed = await app.RefreshAsync(tokens.RefreshToken!);
        NoteTokens(refreshed);
        return clients.Bearer(refreshed.AccessToken);
    }

    private void NoteTokens(TokenSet tokens)
    {
        Secrets.Token(tokens.AccessToken);
        Secrets.Token(tokens.RefreshToken);
        Secrets.Token(tokens.IdentityToken);
    }

    private async Task TeacherAsync(HttpClient admin, Guid school)
    {
        var email = $"peregrine.{Guid.NewGuid():N}@quillon.example";
        Secrets.Email(email);
        Secrets.Name("Peregrine Quillfeather");
        await (await admin.Post("/identity/staff", new
        {
            email, givenName = "Peregrine", familyName = "Quillfeather", staffType = "Teacher", institutions = new[] { school },
        })).ShouldBe(HttpStatusCode.Created);
        await clients.AcceptInvitationAsync(email);
        await NoteInvitationAsync(email);
        var teacher = await SignInAndRefreshAsync(email, Clients.Password);
        await (await teacher.GetAsync($"/roster/institutions/{school}/students")).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A term that started a month ago and ends in two months, so today's logins are billed.</summary>
    private static async Task<string> TermCoveringTodayAsync(HttpClient admin, Guid org)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var term = $"{today.AddDays(-30).Year}-quillon";
        var response = await admin.PutAsJsonAsync($"/institution/organisations/{org}/terms/{term}",
            new { name = "Current term", start = today.AddDays(-30), end = today.AddDays(60) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return term;
    }

    /// <summary>The school asks for student logins for Years 10 and 11 and the operator approves.</summary>
    private static async Task StudentLoginsForYears10And11Async(HttpClient admin, HttpClient operatorForOrg, Guid school)
    {
        var raised = await (await admin.Post($"/institution/institutions/{school}/cases", new { yearGroups = new[] { "Y10", "Y11" } }))
            .ShouldBe(HttpStatusCode.Created);
        await (await operatorForOrg.PostAsync($"/institution/cases/{raised.Id()}/approve", null)).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<JsonElement[]> RollFromTheMisAsync(HttpClient admin, Guid org, Guid school)
    {
        await new MisRollPublisher(system.System.RabbitMqUri).PublishFolderAsync(
            new MisRollRequest(org, school, Waiting.DemoRollFor(school), FullRoll: true));
        await WaitForRollAsync(admin, school);
        var roll = await RollAsync(admin, school);
        foreach (var student in roll)
        {
            Secrets.Name($"{student.GetProperty("givenName").GetString()} {student.GetProperty("familyName").GetString()}");
            if (EmailOf(student) is { } email) Secrets.Email(email);
        }
        return roll;
    }

    private async Task StudentAddedByHandAsync(HttpClient admin, Guid school)
    {
        var email = $"wilhelmina.{Guid.NewGuid():N}@students.quillon.example";
        Secrets.Email(email);
        Secrets.Name("Wilhelmina Threlkeld");
        await (await admin.Post($"/roster/institutions/{school}/students", new
        {
            givenName = "Wilhelmina", familyName = "Threlkeld", yearGroup = "Y7", email, studentInformationNumber = "Q-7001",
        })).ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Start cards for Years 10 and 11 (each setup code noted); the student sets a password with theirs and signs in.</summary>
    private async Task<HttpClient> StudentSignsInWithTheirCardAsync(HttpClient admin, Guid school, JsonElement[] roll, JsonElement student)
    {
        var eligible = roll.Where(s => s.GetProperty("yearGroup").GetString() is "Y10" or "Y11" && EmailOf(s) is not null).ToList();
        foreach (var each in eligible)
            await Waiting.Until(async () => await LoginEnabledAsync(admin, each), $"a login for {EmailOf(each)}");
        var cards = Cards(await PdfPages.ReadAsync(await admin.Post("/identity/start-cards", new { schoolId = school, yearGroups = new[] { "Y10", "Y11" } })));
        Assert.Equal(eligible.Count, cards.Count);
        foreach (var card in cards) Secrets.Code(card.Code);

        var username = EmailOf(student)!.ToLowerInvariant();
        await steps.SetPasswordWithCardAsync(cards.Single(c => c.Username == username));
        return await SignInAndRefreshAsync(username, StudentPassword);
    }

    private async Task GuardianPairsWithAnAccessCodeAsync(HttpClient admin, Guid student)
    {
        await Waiting.Until(async () => (await admin.GetAsync($"/access-codes/students/{student}")).StatusCode == HttpStatusCode.OK,
            "AccessCode to learn the roll from Roster");
        var code = (await (await admin.PostAsync($"/access-codes/students/{student}/enable", null)).ShouldBe(HttpStatusCode.Created))
            .GetProperty("code").GetString()!;
        Secrets.Code(code);

        var email = $"ottoline.{Guid.NewGuid():N}@home.example";
        Secrets.Email(email);
        Secrets.Name("Ottoline Featherstonehaugh");
        await GuardianSignUp.RegisterAsync(clients.Gateway, clients.Mailbox, email, "Ottoline", "Featherstonehaugh", GuardianPassword);
        await NoteInvitationAsync(email, "/guardians/verify");
        var guardian = await SignInAndRefreshAsync(email, GuardianPassword);
        // Typed as a parent would: lower case, spaces instead of dashes.
        await (await guardian.Post("/access-codes/pair", new { code = code.ToLowerInvariant().Replace('-', ' ') })).ShouldBe(HttpStatusCode.OK);
        await Waiting.Until(async () => (await guardian.GetFromJsonAsync<JsonElement>("/roster/me/children")).GetArrayLength() == 1,
            "Roster to learn the pairing");
    }

    private static async Task StudentAnswersAFormAsync(HttpClient admin, HttpClient student, Guid school)
    {
        var form = (await (await admin.Post($"/roster/institutions/{school}/forms", new
        {
            title = "Quillon trip",
            questions = new[] { new { id = "name", type = "ShortText", prompt = "Name on the ticket", required = true } },
        })).ShouldBe(HttpStatusCode.Created)).Id();
        await (await admin.Post($"/roster/forms/{form}/assignments", new { yearGroup = "Y10" })).ShouldBe(HttpStatusCode.OK);
        await (await student.Post($"/roster/me/forms/{form}/responses", new { answers = new { name = "Amara Okoye" } }))
            .ShouldBe(HttpStatusCode.Created);
    }

    private async Task FinanceDownloadsTheDraftInvoiceAsync(Guid org, string term)
    {
        var platform = clients.Bearer(await clients.OperatorTokenAsync());
        var client = await (await platform.Post("/identity/clients", new { displayName = "Quillon Finance", scopes = new[] { FinanceClient.Scope } }))
            .ShouldBe(HttpStatusCode.Created);
        var secret = client.GetProperty("clientSecret").GetString()!;
        Secrets.Password(secret);
        var tokens = await PortalSignIn.ClientCredentialsAsync(system.CreateGatewayClient(), clients.Identity,
            client.GetProperty("clientId").GetString()!, secret, FinanceClient.Scope);
        NoteTokens(tokens);
        var finance = new FinanceClient(clients.Bearer(tokens.AccessToken));
        await Waiting.Until(async () => (await finance.InvoicesAsync(term)).Any(i => i.GetProperty("organisationId").GetGuid() == org),
            "finance to see the organisation's draft invoice");
        Assert.NotEmpty((await finance.InvoicesCsvAsync(term)).Rows);
    }
}
