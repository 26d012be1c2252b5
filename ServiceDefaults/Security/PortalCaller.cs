using System.Security.Claims;

namespace Portal.ServiceDefaults.Security;

/// <summary>Who is calling, as the token says.</summary>
public sealed record PortalCaller(
    Guid AccountId,
    AccountKind Kind,
    StaffType? StaffType,
    Guid? OrganisationId,
    IReadOnlySet<Guid> Institutions)
{
    public bool IsOperator => Kind == AccountKind.Operator;

    public static PortalCaller From(ClaimsPrincipal user)
    {
        var subject = user.FindFirst(PortalClaims.Subject)?.Value;
        return new PortalCaller(
            Guid.TryParse(subject, out var id) ? id : Guid.Empty,
            ClaimValues.KindFrom(user.FindFirst(PortalClaims.Kind)?.Value) ?? AccountKind.Unknown,
            ClaimValues.StaffTypeFrom(user.FindFirst(PortalClaims.StaffType)?.Value),
            Guid.TryParse(user.FindFirst(PortalClaims.Organisation)?.Value, out var org) ? org : null,
            user.FindAll(PortalClaims.Institution)
                .Select(c => Guid.TryParse(c.Value, out var school) ? school : Guid.Empty)
                .Where(g => g != Guid.Empty)
                .ToHashSet());
    }
}
