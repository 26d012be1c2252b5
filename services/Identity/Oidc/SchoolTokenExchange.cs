using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.SignIn;
using Portal.Identity.Staff;
using Portal.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc;

/// <summary>The schools an organisation-level member of staff is associated with today (directly, via clusters, or all).</summary>
public interface IAssociatedSchools
{
    Task<IReadOnlyCollection<Guid>> OfAsync(SignInAccount account, CancellationToken cancellation);
}

/// <summary>
/// RFC 8693 token exchange: a trust/LA member of staff trades their access token (the subject token, validated by
/// OpenIddict) for one scoped to a school they are associated with. The sign-in's methods carry over, so a session
/// that passed 2FA is not asked again; the school's login history shows them as an external administrator.
/// The school is named by the request's <c>institution</c> parameter.
/// </summary>
public sealed class SchoolTokenExchange(
    AccountDirectory directory, CredentialsStore credentials, IAssociatedSchools associations,
    TwoFactorRequirement requirement, TimeProvider clock)
{
    public const string InstitutionParameter = "institution";

    public async Task<IResult> HandleAsync(HttpContext http, OpenIddictRequest request)
    {
        var subject = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (subject?.GetClaim(PortalClaims.Actor) is not null)
            return Refuse("A token already switched into a school cannot be exchanged again; exchange the organisation's token.");
        var account = await TokenEndpoint.AccountOf(subject, directory, http.RequestAborted);
        if (account is not { Active: true, Kind: AccountKind.Staff })
            return Refuse("Only an active member of staff may switch into a school.");
        if (!Guid.TryParse((string?)request[InstitutionParameter], out var school))
            return AuthorizeEndpoint.Forbid(Errors.InvalidRequest, "The 'institution' parameter must name the school to switch into.");
        if (!account.Holds(BusinessRoles.LoginToMisAssociatedInstitutions))
            return Refuse($"Switching into schools needs the permission '{BusinessRoles.LoginToMisAssociatedInstitutions}'.");
        if (!(await associations.OfAsync(account, http.RequestAborted)).Contains(school))
            return Refuse("You are not associated with that school.");

        var amr = subject!.GetClaims(PortalClaims.AuthenticationMethods);
        if (!amr.Contains(AccessTokenClaims.OneTimePassword) && await requirement.AppliesToAsync(account with { Institutions = [school] }, http.RequestAborted))
            return Refuse("The school requires two-factor authentication: sign in with it first.");
        var version = (await credentials.LoadAsync(account, http.RequestAborted)).PasswordVersion;

        await credentials.DecideAsync(account, _ =>
        [
            new LoginRecorded(account.AccountId, clock.GetUtcNow(), LoginMethod.TokenExchange,
                amr.Contains(AccessTokenClaims.OneTimePassword), ExternalAdministrator: true, [school], request.ClientId),
        ]);
        var identity = AccessTokenClaims.InSchool(AccessTokenClaims.For(account, amr, version, subject!.GetScopes()), school);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    static IResult Refuse(string description) => AuthorizeEndpoint.Forbid(Errors.AccessDenied, description);
}
