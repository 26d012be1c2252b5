using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc;

/// <summary>
/// Machine clients (finance, MIS sync producers). OpenIddict has checked the secret and that the client may use the
/// requested scopes; the token names the client, its organisation when it has one, and the audiences of its scopes.
/// </summary>
public sealed class ClientCredentialsGrant(IOpenIddictApplicationManager applications)
{
    public const string OrganisationProperty = "organisation";

    public async Task<IResult> HandleAsync(HttpContext http, OpenIddictRequest request)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
        if (application is null)
            return AuthorizeEndpoint.Forbid(Errors.InvalidClient, "The client is not registered.");
        var properties = await applications.GetPropertiesAsync(application, http.RequestAborted);
        var organisation = properties.TryGetValue(OrganisationProperty, out var value) && Guid.TryParse(value.GetString(), out var org)
            ? org : (Guid?)null;
        var name = await applications.GetDisplayNameAsync(application, http.RequestAborted) ?? request.ClientId!;
        var scopes = request.GetScopes().Where(s => PortalScopes.MachineScopes.Contains(s));
        var identity = AccessTokenClaims.ForClient(request.ClientId!, name, organisation, scopes);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
