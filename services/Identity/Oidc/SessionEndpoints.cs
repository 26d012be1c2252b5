using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Identity.Accounts;
using Portal.Identity.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc;

/// <summary>Logout (RP-initiated, ends the Identity session and returns to the client's registered URI) and userinfo.</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OidcSetup.LogoutPath, [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            await http.SignOutAsync(SignInCookies.Session);
            await http.SignOutAsync(SignInCookies.PendingSecondFactor);
            // OpenIddict redirects to post_logout_redirect_uri when the client registered it, else to this one.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = http.Request.PathBase + SignInCookies.LoginPath },
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapMethods(OidcSetup.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, AccountDirectory directory) =>
        {
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var account = await TokenEndpoint.AccountOf(principal, directory, http.RequestAborted);
            if (account is not { Active: true })
                return Results.Challenge(null, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            var claims = new Dictionary<string, object?>
            {
                [Claims.Subject] = account.AccountId.ToString(),
                [Claims.Name] = account.DisplayName,
            };
            if (principal!.HasScope(Scopes.Email))
                claims[Claims.Email] = account.Email;
            return Results.Ok(claims);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
