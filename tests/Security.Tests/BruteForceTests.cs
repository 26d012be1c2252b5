using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Portal.EndToEnd.Tests;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// Guessing through the gateway reaches its limits: wrong passwords lock the account after 5 (then even the right one
/// is refused), one address's failures against any accounts block it after 20, the gateway limits a client's requests
/// per window, and a TOTP code is accepted once. Each check drives its limit from its own loopback address, so the
/// suite's other sign-ins from 127.0.0.1 are never blocked.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class BruteForceTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    // Identity's limits (services/Identity/Credentials/SignIn/SignInAttempts.cs, services/Identity/SignIn/AddressThrottle.cs).
    private const int FailuresBeforeLockout = 5;
    private const int AddressFailuresAllowed = 20;
    // The gateway's default (gateway/appsettings.json, Gateway:RateLimit).
    private const int GatewayPermitsPerWindow = 600;
    private const string Generic = "The email or password is incorrect.";
    private const string WrongPassword = "Not-the-password-2026";

    private readonly SignInAbuse abuse = new(suite);

    [Fact]
    public async Task Wrong_passwords_lock_the_account_at_the_fifth_and_then_the_right_one_is_refused_too()
    {
        var report = new SecurityReport();
        var (_, locked) = await abuse.OrganisationAsync("Lockout Trust");
        var (_, control) = await abuse.OrganisationAsync("Lockout Control Trust");
        var from = LoopbackAddress.Fresh();

        // The control: one failure short of the limit, the right password still signs in.
        for (var attempt = 1; attempt < FailuresBeforeLockout; attempt++)
            Expect(report, "control: wrong password below the limit", $"control account, attempt {attempt}",
                await abuse.SignInAsync(from, control, WrongPassword), refusedWith: Generic);
        var controlRight = await abuse.SignInAsync(from, control, Clients.Password);
        report.Add(new("control: right password after 4 failures", "POST /identity/account/login", controlRight.PageStatus, controlRight.Succeeded,
            controlRight.Summary));

        for (var attempt = 1; attempt <= FailuresBeforeLockout; attempt++)
            Expect(report, "sign-in: wrong password", $"attempt {attempt} of {FailuresBeforeLockout}",
                await abuse.SignInAsync(from, locked, WrongPassword), refusedWith: Generic);
        Expect(report, "sign-in: right password once locked", "POST /identity/account/login",
            await abuse.SignInAsync(from, locked, Clients.Password), refusedWith: Generic);
        // The lock is the account's, not the address's: from another address the right password is refused as well.
        Expect(report, "sign-in: right password, locked, elsewhere", "POST /identity/account/login",
            await abuse.SignInAsync(LoopbackAddress.Fresh(), locked, Clients.Password), refusedWith: Generic);

        Print(report, "Account lockout on Identity's login page, through the gateway",
            $"limit: {FailuresBeforeLockout} wrong passwords within 15 minutes lock the account for 15 minutes; the refusal reads the same as a wrong password",
            "the lock's end (15 minutes) is checked on Identity's decider with a clock (tests/Identity.Tests), not by waiting here");
    }

    [Fact]
    public async Task One_address_failing_against_many_accounts_is_blocked_after_twenty()
    {
        var report = new SecurityReport();
        var (_, real) = await abuse.OrganisationAsync("Address Throttle Trust");
        var from = LoopbackAddress.Fresh();

        // Unknown emails: no account's own lockout can trip, only the address's count.
        for (var attempt = 1; attempt <= AddressFailuresAllowed; attempt++)
            Expect(report, "sign-in: address failure below the limit", $"unknown email {attempt} of {AddressFailuresAllowed}",
                await abuse.SignInAsync(from, $"nobody.{Guid.NewGuid():N}@guess.example", WrongPassword), refusedWith: Generic);
        var blocked = await abuse.SignInAsync(from, real, Clients.Password);
        report.Add(new("sign-in: right password, blocked address", "POST /identity/account/login", blocked.PageStatus,
            !blocked.Succeeded && blocked.PageStatus == HttpStatusCode.TooManyRequests && blocked.Summary.Contains("Too many failed sign-in attempts"),
            blocked.Summary));
        var elsewhere = await abuse.SignInAsync(LoopbackAddress.Fresh(), real, Clients.Password);
        report.Add(new("control: same sign-in from another address", "POST /identity/account/login", elsewhere.PageStatus,
            elsewhere.Succeeded, elsewhere.Summary));

        Print(report, "Per-address sign-in throttle on Identity's login page, through the gateway",
            $"limit: {AddressFailuresAllowed} failed sign-ins from one address within 15 minutes block it (429 page with Retry-After)");
    }

    [Fact]
    public async Task The_gateway_refuses_a_client_past_its_requests_per_window_with_a_429_problem()
    {
        var report = new SecurityReport();
        using var flooding = LoopbackAddress.Gateway(LoopbackAddress.Fresh(), suite.System.GatewayUrl);
        using var bystander = suite.System.CreateGatewayClient();
        var accepted = 0;
        HttpResponseMessage? refused = null;
        // A fixed window may turn over during the run, so at most two windows' worth are allowed through.
        while (accepted <= 2 * GatewayPermitsPerWindow)
        {
            var response = await flooding.GetAsync("/docs/services");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
                break;
            }
            response.Dispose();
            accepted++;
        }
        var answer = refused is null ? null : await ProblemAnswer.ReadAsync(refused);
        report.Add(new("gateway: requests past the window's limit", "GET /docs/services", answer?.Status ?? HttpStatusCode.OK,
            answer is { Status: HttpStatusCode.TooManyRequests, IsProblem: true } && refused!.Headers.RetryAfter is not null
                && accepted >= GatewayPermitsPerWindow,
            $"refused after {accepted} accepted; Retry-After {refused?.Headers.RetryAfter}; {answer?.Detail}"));
        using var other = await bystander.GetAsync("/docs/services");
        report.Add(new("control: another client meanwhile", "GET /docs/services", other.StatusCode, other.StatusCode == HttpStatusCode.OK, ""));

        Print(report, "Gateway rate limit, one unauthenticated client",
            $"limit: {GatewayPermitsPerWindow} requests per 60 s per client (its token's subject, else its address); {accepted} were accepted before the 429");
    }

    [Fact]
    public async Task A_TOTP_code_signs_in_once_and_is_refused_when_replayed()
    {
        var report = new SecurityReport();
        var (_, email) = await abuse.OrganisationAsync("Two Factor Trust");
        var from = LoopbackAddress.Fresh();
        var first = await abuse.SignInAsync(from, email, Clients.Password);
        Assert.True(first.Succeeded, first.Summary);
        var policy = await suite.Clients.Bearer(first.Tokens!.AccessToken)
            .PutAsJsonAsync("/identity/two-factor-policy", new { requiredForAllStaff = true });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);

        var key = "";
        var enrolled = await abuse.SignInAsync(from, email, Clients.Password, enrol: shown =>
        {
            key = shown;
            return Task.FromResult(SignInAbuse.TotpCode(shown, DateTime.UtcNow));
        });
        Assert.True(enrolled.Succeeded, $"enrolment: {enrolled.Summary}");
        // Enrolment used this time step's code; the app's next one is the code a person would type next.
        var code = SignInAbuse.TotpCode(key, DateTime.UtcNow.AddSeconds(30));

        var once = await abuse.SignInAsync(from, email, Clients.Password, totp: () => Task.FromResult(code));
        report.Add(new("control: a fresh TOTP code", "POST /identity/account/login/2fa", once.PageStatus, once.Succeeded, once.Summary));
        var replayed = await abuse.SignInAsync(from, email, Clients.Password, totp: () => Task.FromResult(code));
        report.Add(new("totp: the same code replayed", "POST /identity/account/login/2fa", replayed.PageStatus,
            !replayed.Succeeded && replayed.PageStatus == HttpStatusCode.BadRequest && replayed.Summary.Contains("The code is not valid."),
            replayed.Summary));
        var earlier = await abuse.SignInAsync(from, email, Clients.Password, totp: () => Task.FromResult(SignInAbuse.TotpCode(key, DateTime.UtcNow)));
        report.Add(new("totp: an older step's code", "POST /identity/account/login/2fa", earlier.PageStatus,
            !earlier.Succeeded && earlier.Summary.Contains("The code is not valid."), earlier.Summary));

        Print(report, "TOTP replay on Identity's code step, through the gateway",
            "a code is accepted once per time step, and no step at or before the last accepted one is accepted again");
    }

    private static void Expect(SecurityReport report, string check, string operation, SignInOutcome outcome, string refusedWith) =>
        report.Add(new(check, operation, outcome.PageStatus,
            !outcome.Succeeded && outcome.PageStatus == HttpStatusCode.BadRequest && outcome.Summary.Contains(refusedWith), outcome.Summary));

    private void Print(SecurityReport report, string title, params string[] notes)
    {
        output.WriteLine(report.Table(title, notes));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.Empty(report.Failures);
    }
}
