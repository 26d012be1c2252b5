using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc;

/// <summary>
/// The authorization endpoint: OpenIddict has checked the client, redirect URI and PKCE; here the person's session
/// with Identity (the login page's cookie) becomes an authorization code. No session, or one that no longer holds
/// (account deactivated, password changed), sends the person to the login page and back.
/// </summary>
public static class AuthorizeEndpoint
{
    public static void MapAuthorizeEndpoint(this IEndpointRouteBuilder app) =>
        app.MapMethods(OidcSetup.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], async (
            HttpContext http, AccountDirectory directory, CredentialsStore credentials) =>
        {
            var request = http.GetOpenIddictServerRequest()
                ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
            var session = await http.AuthenticateAsync(SignInCookies.Session);
            var signedIn = SignInCookies.Read(session.Principal);
            var account = signedIn is null ? null : await directory.FindAsync(signedIn.AccountId, signedIn.Kind, signedIn.OrganisationId, http.RequestAborted);
            var current = account is { Active: true }
                && (await credentials.LoadAsync(account, http.RequestAborted)).PasswordVersion == signedIn!.PasswordVersion;

            if (!current || request.HasPromptValue(PromptValues.Login) || TooOld(session, request))
            {
                if (request.HasPromptValue(PromptValues.None))
                    return Forbid(Errors.LoginRequired, "The user is not signed in.");
                await http.SignOutAsync(SignInCookies.Session);
                return Results.Challenge(new AuthenticationProperties { RedirectUri = BackHere(http, request) }, [SignInCookies.Session]);
            }

            var identity = AccessTokenClaims.For(account!, signedIn!.Amr, signedIn.PasswordVersion, request.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }).AllowAnonymous().ExcludeFromDescription();

    static bool TooOld(AuthenticateResult session, OpenIddictRequest request) =>
        request.MaxAge is { } maxAge && session.Properties?.IssuedUtc is { } issued
        && DateTimeOffset.UtcNow - issued > TimeSpan.FromSeconds(maxAge);

    /// <summary>The same authorization request, without prompt=login so the way back does not ask again.</summary>
    static string BackHere(HttpContext http, OpenIddictRequest request)
    {
        var parameters = request.GetParameters()
            .Where(p => p.Key != Parameters.Prompt)
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
        return http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
    }

    public static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
