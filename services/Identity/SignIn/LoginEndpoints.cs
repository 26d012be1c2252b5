using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Oidc;
using static Portal.Identity.Pages.HtmlPage;

namespace Portal.Identity.SignIn;

/// <summary>
/// The login page: email and password, then the second factor when the account has one or its organisation
/// requires one. Every refusal of the password step reads the same (<see cref="SignInRefusal.Generic"/>), so the
/// page does not tell who has an account or whose account is locked.
/// </summary>
public static class LoginEndpoints
{
    public static void MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();

        group.MapGet("/login", (HttpContext http, [FromQuery] string? returnUrl) => LoginPage(http, returnUrl, null, null));

        group.MapPost("/login", async (
            HttpContext http, [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
            AccountDirectory directory, CredentialsStore credentials, PasswordHasher hasher, AddressThrottle throttle,
            TwoFactorRequirement requirement, TimeProvider clock) =>
        {
            var address = http.Connection.RemoteIpAddress;
            if (throttle.BlockedUntil(address) is { } until)
                return TooManyAttempts(http, until);

            var account = await directory.FindByEmailAsync(email, http.RequestAborted);
            if (account is null)
            {
                // Same work as a real check, so the answer's timing does not tell the email is unknown.
                hasher.Verify(password ?? "", UnknownAccountHashes.GetOrAdd(hasher.Iterations, i => new PasswordHasher(i).Hash(Guid.NewGuid().ToString())));
                throttle.RecordFailure(address);
                return LoginPage(http, returnUrl, email, SignInRefusal.Generic);
            }

            var state = await credentials.LoadAsync(account, http.RequestAborted);
            var now = clock.GetUtcNow();
            if (!SignInAttempts.CanAttempt(state.Attempts, now).Allowed)
            {
                throttle.RecordFailure(address);
                return LoginPage(http, returnUrl, email, SignInRefusal.Generic);
            }
            await Task.Delay(SignInAttempts.RequiredDelay(state.Attempts, now), http.RequestAborted);

            if (state.PasswordHash is not { } hash || !hasher.Verify(password ?? "", hash))
            {
                await credentials.DecideAsync(account, s => SignInAttempts.Decide(new RecordFailedSignIn(account.AccountId, clock.GetUtcNow()), s.Attempts));
                throttle.RecordFailure(address);
                return LoginPage(http, returnUrl, email, SignInRefusal.Generic);
            }
            if (!account.Active)
                return LoginPage(http, returnUrl, email, SignInRefusal.Generic);

            if (state.TwoFactor.Status == TwoFactorStatus.Enabled || await requirement.AppliesToAsync(account, http.RequestAborted))
            {
                await http.SignInAsync(SignInCookies.PendingSecondFactor,
                    SignInCookies.Principal(account, [AccessTokenClaims.Password], state.PasswordVersion, SignInCookies.PendingSecondFactor, returnUrl));
                var next = state.TwoFactor.Status == TwoFactorStatus.Enabled ? SignInCookies.SecondFactorPath : TwoFactorEndpoints.EnrolPath;
                return Results.Redirect(http.Request.PathBase + next);
            }

            return await Complete(http, account, state, [AccessTokenClaims.Password], returnUrl, credentials, clock);
        });

        group.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(SignInCookies.Session);
            return Render("Signed out", Notice("You have signed out."));
        });
    }

    /// <summary>Records the sign-in and opens the session; the return URL is usually the authorization request.</summary>
    public static async Task<IResult> Complete(
        HttpContext http, SignInAccount account, CredentialsState state, string[] amr, string? returnUrl,
        CredentialsStore credentials, TimeProvider clock)
    {
        var at = clock.GetUtcNow();
        await credentials.DecideAsync(account, s =>
        [
            .. SignInAttempts.Decide(new RecordSuccessfulSignIn(account.AccountId, at), s.Attempts),
            new LoginRecorded(account.AccountId, at, LoginMethod.Password, amr.Contains(AccessTokenClaims.OneTimePassword),
                ExternalAdministrator: false, account.InstitutionIds, ClientId: null),
        ]);
        await http.SignOutAsync(SignInCookies.PendingSecondFactor);
        await http.SignInAsync(SignInCookies.Session,
            SignInCookies.Principal(account, amr, state.PasswordVersion, SignInCookies.Session));
        return Results.Redirect(SignInCookies.SafeReturnUrl(returnUrl));
    }

    static IResult LoginPage(HttpContext http, string? returnUrl, string? email, string? error) => Render("Sign in",
        Error(error) + Form(http, http.Request.PathBase + SignInCookies.LoginPath,
            Field("email", "Email", "email", email, "username", autofocus: string.IsNullOrEmpty(email))
            + Field("password", "Password", "password", null, "current-password", autofocus: !string.IsNullOrEmpty(email))
            + Hidden(SignInCookies.ReturnUrl, SignInCookies.SafeReturnUrl(returnUrl)),
            "Sign in")
        + Students.StartCards.Setup.SetupCodePage.Link(http, returnUrl),
        error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    static IResult TooManyAttempts(HttpContext http, DateTimeOffset until)
    {
        var seconds = (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds);
        http.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString();
        return Render("Sign in", Error($"Too many failed sign-in attempts from your network. Try again after {until:HH:mm} UTC."),
            StatusCodes.Status429TooManyRequests);
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> UnknownAccountHashes = new();
}
