using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using Portal.Identity.Accounts;
using Portal.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc;

/// <summary>
/// Builds the principal Identity signs into tokens: the claims of DESIGN §3, each with the tokens it goes into.
/// Claims without a destination (the password version) stay inside authorization codes and refresh tokens only,
/// where the token endpoint reads them back.
/// </summary>
public static class AccessTokenClaims
{
    public const string AuthenticationType = "portal";
    /// <summary>The password version a refresh token was issued under; a newer password ends it.</summary>
    public const string PasswordVersion = "pwd_ver";
    public const string Password = "pwd";
    public const string OneTimePassword = "otp";

    public static ClaimsIdentity For(SignInAccount account, IEnumerable<string> amr, int passwordVersion, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.AccountId.ToString())
            .SetClaim(PortalClaims.Kind, ClaimValues.Of(account.Kind))
            .SetClaim(Claims.Name, account.DisplayName)
            .SetClaim(Claims.Email, account.Email)
            .SetClaim(PasswordVersion, passwordVersion);
        if (account.StaffType is { } type)
            identity.SetClaim(PortalClaims.StaffType, ClaimValues.Of(type));
        if (account.OrganisationId is { } org)
            identity.SetClaim(PortalClaims.Organisation, org.ToString());
        identity.SetClaims(PortalClaims.Institution, [.. account.InstitutionIds.Select(i => i.ToString())]);
        identity.SetClaims(PortalClaims.AuthenticationMethods, [.. amr.Distinct()]);
        WithScopes(identity, scopes);
        identity.SetDestinations(Destinations);
        return identity;
    }

    /// <summary>A trust/LA member of staff acting in one school: the school sees an external administrator (RFC 8693 act).</summary>
    public static ClaimsIdentity InSchool(ClaimsIdentity trust, Guid school)
    {
        var identity = trust.Clone();
        identity.SetClaims(PortalClaims.Institution, [school.ToString()]);
        var act = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["sub"] = identity.GetClaim(Claims.Subject)!,
            [PortalClaims.Organisation] = identity.GetClaim(PortalClaims.Organisation) ?? "",
        });
        identity.SetClaim(PortalClaims.Actor, JsonDocument.Parse(act).RootElement);
        identity.SetDestinations(Destinations);
        return identity;
    }

    public static ClaimsIdentity ForClient(string clientId, string displayName, Guid? organisation, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(PortalClaims.Kind, ClientKind)
            .SetClaim(Claims.Name, displayName);
        if (organisation is { } org)
            identity.SetClaim(PortalClaims.Organisation, org.ToString());
        WithScopes(identity, scopes);
        identity.SetDestinations(Destinations);
        return identity;
    }

    /// <summary>Machine clients are not accounts; services grant them nothing a person's permissions would.</summary>
    public const string ClientKind = "client";

    static void WithScopes(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        identity.SetResources(PortalScopes.AudiencesFor(granted));
    }

    static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        PasswordVersion => [],
        Claims.Email => claim.Subject?.HasScope(Scopes.Email) == true ? [OpenIddictConstants.Destinations.IdentityToken] : [],
        Claims.Name => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Subject or PortalClaims.Kind or PortalClaims.StaffType or PortalClaims.Organisation or PortalClaims.Institution
            or PortalClaims.AuthenticationMethods or PortalClaims.Actor
            => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };

}
