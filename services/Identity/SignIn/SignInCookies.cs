using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Portal.Identity.Accounts;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.SignIn;

/// <summary>
/// Two cookies: the session a person has with Identity itself after signing in (the authorization endpoint turns
/// it into tokens), and a short-lived one that carries a password-verified person to the TOTP step.
/// </summary>
public static class SignInCookies
{
    public const string Session = "portal.session";
    public const string PendingSecondFactor = "portal.2fa";
    public const string LoginPath = "/account/login";
    public const string SecondFactorPath = "/account/login/2fa";
    public const string ReturnUrl = "returnUrl";
    const string ReturnUrlClaim = "return_url";

    public static AuthenticationBuilder AddSignInCookies(this AuthenticationBuilder authentication) => authentication
        .AddCookie(Session, options =>
        {
            options.Cookie.Name = "portal_session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = LoginPath;
            options.ReturnUrlParameter = ReturnUrl;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = false;
        })
        .AddCookie(PendingSecondFactor, options =>
        {
            options.Cookie.Name = "portal_2fa";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = LoginPath;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            options.SlidingExpiration = false;
        });

    public static ClaimsPrincipal Principal(SignInAccount account, IEnumerable<string> amr, int passwordVersion, string scheme, string? returnUrl = null)
    {
        var identity = new ClaimsIdentity(scheme, PortalClaims.Name, null);
        identity.AddClaim(new Claim(PortalClaims.Subject, account.AccountId.ToString()));
        identity.AddClaim(new Claim(PortalClaims.Kind, ClaimValues.Of(account.Kind)));
        identity.AddClaim(new Claim(PortalClaims.Name, account.DisplayName));
        identity.AddClaim(new Claim(Oidc.AccessTokenClaims.PasswordVersion, passwordVersion.ToString()));
        if (account.OrganisationId is { } org)
            identity.AddClaim(new Claim(PortalClaims.Organisation, org.ToString()));
        foreach (var method in amr.Distinct())
            identity.AddClaim(new Claim(PortalClaims.AuthenticationMethods, method));
        if (returnUrl is not null)
            identity.AddClaim(new Claim(ReturnUrlClaim, returnUrl));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Who a cookie says signed in, enough to load the account again.</summary>
    public sealed record SignedIn(Guid AccountId, AccountKind Kind, Guid? OrganisationId, IReadOnlyList<string> Amr, int PasswordVersion, string? ReturnUrl);

    public static SignedIn? Read(ClaimsPrincipal? principal)
    {
        if (principal is null
            || !Guid.TryParse(principal.FindFirstValue(PortalClaims.Subject), out var id)
            || ClaimValues.KindFrom(principal.FindFirstValue(PortalClaims.Kind)) is not { } kind
            || !int.TryParse(principal.FindFirstValue(Oidc.AccessTokenClaims.PasswordVersion), out var version))
            return null;
        return new SignedIn(
            id, kind,
            Guid.TryParse(principal.FindFirstValue(PortalClaims.Organisation), out var org) ? org : null,
            principal.FindAll(PortalClaims.AuthenticationMethods).Select(c => c.Value).ToList(),
            version,
            principal.FindFirstValue(ReturnUrlClaim));
    }

    /// <summary>Only paths on this host: an open redirect would hand a phishing page a trusted link.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
