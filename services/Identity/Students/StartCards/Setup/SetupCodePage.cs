using Microsoft.AspNetCore.Mvc;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.SignIn;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;
using static Portal.Identity.Pages.HtmlPage;

namespace Portal.Identity.Students.StartCards.Setup;

/// <summary>
/// <c>/account/start</c>, linked from the login page: a student types their username and the setup code from their start
/// card, and chooses a password. Every refusal of the code reads the same, whether the username exists or not, and
/// counts as a failed sign-in against the account's lockout and the address's throttle, so codes cannot be guessed.
/// The password rules are checked before the code, so their messages tell nothing about it.
/// </summary>
public static class SetupCodePage
{
    public const string Refusal = "That username and setup code do not work together. Check both against your start card: a code " +
                                  "works once, until the date on the card, and stops working when a new card is printed. " +
                                  "Your school can print you a new card.";

    public static void MapSetupCodePage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(StartCardFeatures.SetupPath).AllowAnonymous().ExcludeFromDescription();

        group.MapGet("/", (HttpContext http, [FromQuery] string? returnUrl) => Page(http, returnUrl, null, null));

        group.MapPost("/", async (
            HttpContext http, [FromForm] string? username, [FromForm] string? code, [FromForm] string? password,
            [FromForm] string? confirmPassword, [FromForm] string? returnUrl,
            AccountDirectory directory, CredentialsStore credentials, PasswordHasher hasher, AddressThrottle throttle, TimeProvider clock) =>
        {
            var address = http.Connection.RemoteIpAddress;
            if (throttle.BlockedUntil(address) is { } until)
                return TooManyAttempts(http, until, clock);
            try
            {
                if (password != confirmPassword)
                    throw new ValidationFailed("confirmPassword", "The two passwords do not match.");
                PasswordPolicy.Validate(password);
            }
            catch (ValidationFailed invalid)
            {
                return Page(http, returnUrl, username, invalid.Message);
            }

            var student = await directory.FindByEmailAsync(username, http.RequestAborted);
            if (student is not { Kind: AccountKind.Student })
            {
                throttle.RecordFailure(address);
                return Page(http, returnUrl, username, Refusal);
            }
            var state = await credentials.LoadAsync(student, http.RequestAborted);
            var now = clock.GetUtcNow();
            if (!SignInAttempts.CanAttempt(state.Attempts, now).Allowed)
            {
                throttle.RecordFailure(address);
                return Page(http, returnUrl, username, Refusal);
            }
            await Task.Delay(SignInAttempts.RequiredDelay(state.Attempts, now), http.RequestAborted);
            try
            {
                await ChoosePassword.RunAsync(directory, hasher, student, code, password!, clock.GetUtcNow(), http.RequestAborted);
            }
            catch (RuleViolation)
            {
                await credentials.DecideAsync(student, s => SignInAttempts.Decide(new RecordFailedSignIn(student.AccountId, clock.GetUtcNow()), s.Attempts));
                throttle.RecordFailure(address);
                return Page(http, returnUrl, username, Refusal);
            }

            var login = http.Request.PathBase + SignInCookies.LoginPath;
            var back = SignInCookies.SafeReturnUrl(returnUrl);
            // Back into the sign-in the student started (usually an app's authorization request), now with a password.
            return back != "/"
                ? Results.Redirect($"{login}?{SignInCookies.ReturnUrl}={Uri.EscapeDataString(back)}")
                : Render("Password set", Notice("Your password is set. Sign in with your username and your new password.")
                                         + $"""<p><a href="{E(login)}">Sign in</a></p>""");
        });
    }

    /// <summary>The login page's way here, keeping the sign-in the student started.</summary>
    public static string Link(HttpContext http, string? returnUrl) =>
        $"""<p><a href="{E($"{http.Request.PathBase}{StartCardFeatures.SetupPath}?{SignInCookies.ReturnUrl}={Uri.EscapeDataString(SignInCookies.SafeReturnUrl(returnUrl))}")}">First time? Use your setup code</a></p>""";

    static IResult Page(HttpContext http, string? returnUrl, string? username, string? error) => Render("Set up your account",
        Error(error)
        + Notice($"Use the username and setup code on your start card, and choose a password of at least {PasswordPolicy.MinimumLength} characters. "
                 + "Long phrases are easier to remember than symbols.")
        + Form(http, http.Request.PathBase + StartCardFeatures.SetupPath,
            Field("username", "Username", "email", username, "username", autofocus: string.IsNullOrEmpty(username))
            + Field("code", "Setup code", "text", null, "one-time-code", autofocus: !string.IsNullOrEmpty(username))
            + Field("password", "New password", "password", null, "new-password")
            + Field("confirmPassword", "Confirm new password", "password", null, "new-password")
            + Hidden(SignInCookies.ReturnUrl, SignInCookies.SafeReturnUrl(returnUrl)),
            "Set password"),
        error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    static IResult TooManyAttempts(HttpContext http, DateTimeOffset until, TimeProvider clock)
    {
        http.Response.Headers.RetryAfter = Math.Max((int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds), 1).ToString();
        return Render("Set up your account", Error($"Too many failed attempts from your network. Try again after {until:HH:mm} UTC."),
            StatusCodes.Status429TooManyRequests);
    }
}
