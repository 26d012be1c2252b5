using System.Net;
using Marten;
using SignInFailed = Portal.AppHost.Clients.SignInFailed;
using Portal.Identity.Credentials;
using Portal.Identity.Students.StartCards.Codes;
using Portal.Identity.Tests.SignIn;

namespace Portal.Identity.Tests.StartCards;

/// <summary>A student's first sign-in: the code from their printed card on the set-up page, then the normal login page.</summary>
[Collection(StartCardsApiCollection.Name)]
public sealed class SetupCodePageTests(StartCardsApi api) : IAsyncLifetime
{
    readonly SchoolGiven given = new(api);

    public Task InitializeAsync() => given.OpenAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_printed_code_sets_the_password_once_and_the_student_then_signs_in_on_the_login_page()
    {
        var pupil = await given.StudentAsync();
        var card = await SchoolGiven.PrintedOneAsync(api.Building(given.Org, given.School), pupil);
        await Assert.ThrowsAsync<SignInFailed>(() => api.WebClient().SignInAsync(pupil.Username, SchoolGiven.Password));

        const string authorize = "/connect/authorize?client_id=portal-web&response_type=code";
        var set = await given.SetUpAsync(pupil.Username.ToUpperInvariant(), card.Code.ToLowerInvariant(), returnUrl: authorize);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/account/login?returnUrl=" + Uri.EscapeDataString(authorize), set.Headers.Location?.OriginalString);

        var tokens = await api.WebClient().SignInAsync(pupil.Username, SchoolGiven.Password);
        Assert.Equal((pupil.Id.ToString(), "student", given.Org.ToString()),
            (Tokens.Claim(tokens.AccessToken, "sub"), Tokens.Claim(tokens.AccessToken, "kind"), Tokens.Claim(tokens.AccessToken, "org")));

        await SchoolGiven.ShouldBeRefused(await given.SetUpAsync(pupil.Username, card.Code, "Another-new-password-2"));
        await api.WebClient().SignInAsync(pupil.Username, SchoolGiven.Password);
    }

    [Fact]
    public async Task The_login_page_links_to_the_set_up_page_keeping_the_sign_in_under_way()
    {
        var html = await (await api.Browser().GetAsync("/account/login?returnUrl=%2Fconnect%2Fauthorize%3Fx%3D1")).Content.ReadAsStringAsync();
        Assert.Contains("""<a href="/account/start?returnUrl=%2Fconnect%2Fauthorize%3Fx%3D1">First time? Use your setup code</a>""", html);

        var page = await api.Browser().GetAsync("/account/start");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await page.Content.ReadAsStringAsync();
        Assert.All(new[] { "username", "code", "password", "confirmPassword" }, field => Assert.Contains($"name=\"{field}\"", form));
    }

    [Fact]
    public async Task Reprinting_makes_the_previous_code_fail()
    {
        var pupil = await given.StudentAsync("Y11");
        var staff = api.District(given.Org);
        var old = await SchoolGiven.PrintedOneAsync(staff, pupil);
        var reprinted = Assert.Single(SchoolGiven.Cards(await Testing.PdfPages.ReadAsync(
            await SchoolGiven.PrintAsync(staff, new { schoolId = given.School, yearGroups = new[] { "Y11" } }))));

        await SchoolGiven.ShouldBeRefused(await given.SetUpAsync(pupil.Username, old.Code));
        Assert.Equal(HttpStatusCode.OK, (await given.SetUpAsync(reprinted.Username, reprinted.Code)).StatusCode);
        await api.WebClient().SignInAsync(pupil.Username, SchoolGiven.Password);
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var pupil = await given.StudentAsync();
        var (code, hash) = SetupCodes.New();
        var printed = DateTimeOffset.UtcNow.AddDays(-15);
        await using (var session = api.Store.LightweightSession(given.Org.ToString()))
        {
            var stream = await session.Events.FetchForWriting<StudentSetupCodeState>(pupil.Id);
            stream.AppendOne(new StudentSetupCodeIssued(pupil.Id, given.Org, given.School, hash, printed.AddDays(14), Guid.NewGuid(), printed));
            await session.SaveChangesAsync();
        }

        await SchoolGiven.ShouldBeRefused(await given.SetUpAsync(pupil.Username, code));
        await Assert.ThrowsAsync<SignInFailed>(() => api.WebClient().SignInAsync(pupil.Username, SchoolGiven.Password));
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout_and_an_unknown_username_reads_the_same()
    {
        var pupil = await given.StudentAsync();
        var card = await SchoolGiven.PrintedOneAsync(api.District(given.Org), pupil);
        await SchoolGiven.ShouldBeRefused(await given.SetUpAsync($"nobody.{Guid.NewGuid():N}@school.test", card.Code));

        var wrong = SetupCodes.New().Code;
        for (var i = 0; i < SignInAttempts.FailuresBeforeLockout; i++)
            await SchoolGiven.ShouldBeRefused(await given.SetUpAsync(pupil.Username, wrong));

        // Locked out: even the right code is refused now, and it was not spent.
        await SchoolGiven.ShouldBeRefused(await given.SetUpAsync(pupil.Username, card.Code));
        await using var session = api.Store.QuerySession(given.Org.ToString());
        Assert.False((await session.LoadAsync<StudentSetupCodeState>(pupil.Id))!.Used);
    }

    [Fact]
    public async Task Password_rules_are_checked_before_the_code_and_do_not_spend_it()
    {
        var pupil = await given.StudentAsync();
        var card = await SchoolGiven.PrintedOneAsync(api.District(given.Org), pupil);

        var tooShort = await given.SetUpAsync(pupil.Username, card.Code, "short");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync());
        var mismatch = await given.SetUpAsync(pupil.Username, card.Code, confirm: "Something-else-entirely");
        Assert.Contains("The two passwords do not match.", await mismatch.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await given.SetUpAsync(pupil.Username, card.Code)).StatusCode);
    }
}
