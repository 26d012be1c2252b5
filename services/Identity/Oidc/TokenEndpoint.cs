using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc;

/// <summary>
/// The token endpoint. OpenIddict has authenticated the client and validated the code (with its PKCE verifier),
/// refresh token or subject token; here each grant is checked against the account as it is now, and the claims
/// are built afresh, so a deactivated account or a changed password stops refreshing at once.
/// </summary>
public static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost(OidcSetup.TokenPath, async (HttpContext http, IServiceProvider services) =>
        {
            var request = http.GetOpenIddictServerRequest()
                ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
            if (request.IsClientCredentialsGrantType())
                return await services.GetRequiredService<ClientCredentialsGrant>().HandleAsync(http, request);
            if (request.IsTokenExchangeGrantType())
                return await services.GetRequiredService<SchoolTokenExchange>().HandleAsync(http, request);
            if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
                return await RenewAsync(http, services.GetRequiredService<AccountDirectory>(), services.GetRequiredService<CredentialsStore>());
            return AuthorizeEndpoint.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }).AllowAnonymous().ExcludeFromDescription();

    static async Task<IResult> RenewAsync(HttpContext http, AccountDirectory directory, CredentialsStore credentials)
    {
        var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var account = await AccountOf(granted, directory, http.RequestAborted);
        if (account is not { Active: true })
            return AuthorizeEndpoint.Forbid(Errors.InvalidGrant, "The account is no longer active.");
        var version = int.TryParse(granted!.GetClaim(AccessTokenClaims.PasswordVersion), out var v) ? v : -1;
        if ((await credentials.LoadAsync(account, http.RequestAborted)).PasswordVersion != version)
            return AuthorizeEndpoint.Forbid(Errors.InvalidGrant, "The password has changed since this sign-in. Sign in again.");

        var identity = AccessTokenClaims.For(account, granted!.GetClaims(PortalClaims.AuthenticationMethods), version, granted!.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static async Task<SignInAccount?> AccountOf(ClaimsPrincipal? principal, AccountDirectory directory, CancellationToken cancellation)
    {
        if (principal is null
            || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var id)
            || ClaimValues.KindFrom(principal.GetClaim(PortalClaims.Kind)) is not { } kind)
            return null;
        var org = Guid.TryParse(principal.GetClaim(PortalClaims.Organisation), out var o) ? o : (Guid?)null;
        return await directory.FindAsync(id, kind, org, cancellation);
    }
}
