using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Oidc;
using Portal.ServiceDefaults.Problems;
using QRCoder;
using static Portal.Identity.Pages.HtmlPage;

namespace Portal.Identity.SignIn;

/// <summary>
/// The second step of signing in: a TOTP code (or a recovery code) for accounts with 2FA, and enrolment for
/// accounts whose organisation or school requires 2FA but who have none yet. Both need the short-lived cookie the
/// password step sets; without it they send the person back to the start.
/// </summary>
public static class TwoFactorEndpoints
{
    public const string EnrolPath = "/account/login/2fa/enrol";

    public static void MapTwoFactorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account/login/2fa").AllowAnonymous().ExcludeFromDescription();

        group.MapGet("/", async (HttpContext http, AccountDirectory directory) =>
            await Pending(http, directory) is null ? BackToStart(http) : CodePage(http, null));

        group.MapPost("/", async (HttpContext http, [FromForm] string? code, AccountDirectory directory,
            CredentialsStore credentials, TimeProvider clock) =>
        {
            if (await Pending(http, directory) is not var (pending, account))
                return BackToStart(http);
            var state = await credentials.LoadAsync(account, http.RequestAborted);
            var now = clock.GetUtcNow();
            if (!SignInAttempts.CanAttempt(state.Attempts, now).Allowed)
                return CodePage(http, SignInRefusal.Generic);
            await Task.Delay(SignInAttempts.RequiredDelay(state.Attempts, now), http.RequestAborted);
            try
            {
                // Six digits are an authenticator code; anything longer is one of the recovery codes.
                var digits = string.Concat((code ?? "").Where(char.IsAsciiDigit));
                var isTotp = digits.Length == 6 && (code ?? "").Trim().Length <= 7;
                state = await credentials.DecideAsync(account, s => isTotp
                    ? TwoFactor.Decide(new VerifyTotpCode(account.AccountId, code ?? "", clock.GetUtcNow()), s.TwoFactor)
                    : TwoFactor.Decide(new UseRecoveryCode(account.AccountId, code ?? "", clock.GetUtcNow()), s.TwoFactor));
            }
            catch (Exception e) when (e is ValidationFailed or RuleViolation)
            {
                // Wrong codes count towards the same lockout as wrong passwords: six digits are quick to guess otherwise.
                await credentials.DecideAsync(account, s => SignInAttempts.Decide(new RecordFailedSignIn(account.AccountId, clock.GetUtcNow()), s.Attempts));
                return CodePage(http, TwoFactor.InvalidCode);
            }
            return await LoginEndpoints.Complete(http, account, state,
                [.. pending.Amr, AccessTokenClaims.OneTimePassword], pending.ReturnUrl, credentials, clock);
        });

        group.MapGet("/enrol", async (HttpContext http, AccountDirectory directory, CredentialsStore credentials, TimeProvider clock) =>
        {
            if (await Pending(http, directory) is not var (_, account))
                return BackToStart(http);
            var state = await credentials.LoadAsync(account, http.RequestAborted);
            if (state.TwoFactor.Status == TwoFactorStatus.Enabled)
                return Results.Redirect(http.Request.PathBase + SignInCookies.SecondFactorPath);
            // Reloading the page keeps the secret already shown, in case it was scanned.
            if (state.TwoFactor is not { Status: TwoFactorStatus.Enrolling, Secret: not null })
                state = await credentials.DecideAsync(account, s =>
                    TwoFactor.Decide(new StartTwoFactorEnrolment(account.AccountId, TotpCodes.NewSecret(), clock.GetUtcNow()), s.TwoFactor));
            return EnrolPage(http, account, state.TwoFactor.Secret!, null);
        });

        group.MapPost("/enrol", async (HttpContext http, [FromForm] string? code, AccountDirectory directory,
            CredentialsStore credentials, TimeProvider clock) =>
        {
            if (await Pending(http, directory) is not var (pending, account))
                return BackToStart(http);
            var (codes, hashes) = RecoveryCodes.Generate();
            CredentialsState state;
            try
            {
                state = await credentials.DecideAsync(account, s =>
                    TwoFactor.Decide(new ConfirmTwoFactorEnrolment(account.AccountId, code ?? "", hashes, clock.GetUtcNow()), s.TwoFactor));
            }
            catch (Exception e) when (e is ValidationFailed or RuleViolation)
            {
                var current = await credentials.LoadAsync(account, http.RequestAborted);
                return current.TwoFactor.Secret is { } secret ? EnrolPage(http, account, secret, e.Message) : BackToStart(http);
            }
            var target = SignInCookies.SafeReturnUrl(pending.ReturnUrl);
            await LoginEndpoints.Complete(http, account, state, [.. pending.Amr, AccessTokenClaims.OneTimePassword], target, credentials, clock);
            return Render("Save your recovery codes",
                Notice("Two-factor authentication is on. Each code below signs you in once if you lose your authenticator. "
                       + "They are shown only now: print them or keep them somewhere safe.")
                + "<ul>" + string.Concat(codes.Select(c => $"<li><code>{E(c)}</code></li>")) + "</ul>"
                + $"""<p><a href="{E(target)}">Continue</a></p>""");
        });
    }

    static async Task<(SignInCookies.SignedIn Pending, SignInAccount Account)?> Pending(HttpContext http, AccountDirectory directory)
    {
        var result = await http.AuthenticateAsync(SignInCookies.PendingSecondFactor);
        if (SignInCookies.Read(result.Principal) is not { } pending)
            return null;
        var account = await directory.FindAsync(pending.AccountId, pending.Kind, pending.OrganisationId, http.RequestAborted);
        return account is { Active: true } ? (pending, account) : null;
    }

    static IResult BackToStart(HttpContext http) => Results.Redirect(http.Request.PathBase + SignInCookies.LoginPath);

    static IResult CodePage(HttpContext http, string? error) => Render("Two-factor authentication",
        Error(error) + "<p>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>"
        + Form(http, http.Request.PathBase + SignInCookies.SecondFactorPath,
            Field("code", "Code", "text", null, "one-time-code", autofocus: true), "Verify"),
        error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    static IResult EnrolPage(HttpContext http, SignInAccount account, string secret, string? error)
    {
        var uri = TotpCodes.EnrolmentUri(secret, account.Email);
        using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(qr).GetGraphic(4);
        return Render("Set up two-factor authentication",
            Error(error)
            + "<p>Your organisation requires a second step when you sign in. Scan this QR code with an authenticator app, "
            + "or type the key below into it, then enter the 6-digit code it shows.</p>"
            + $"""<figure role="img" aria-label="QR code for your authenticator app">{svg}</figure>"""
            + $"""<p>Key: <code>{E(secret)}</code></p>"""
            + Form(http, http.Request.PathBase + EnrolPath, Field("code", "Code from the app", "text", null, "one-time-code", autofocus: true), "Turn on"),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
