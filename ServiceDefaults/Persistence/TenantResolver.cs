using Microsoft.AspNetCore.Http;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.ServiceDefaults.Persistence;

/// <summary>
/// The tenant of a request comes from the token: a member of staff acts in their own organisation.
/// A platform operator belongs to none and must name the organisation they act on, in the route
/// (<c>{org}</c>) or in the <c>Portal-Organisation</c> header.
/// </summary>
public sealed class TenantResolver(IHttpContextAccessor accessor)
{
    public const string OrganisationHeader = "Portal-Organisation";
    public const string NoTenant = "*DEFAULT*";

    public string CurrentTenant()
    {
        if (CurrentOrganisation() is { } organisation) return organisation.ToString();
        var user = accessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true) return NoTenant;
        var caller = PortalCaller.From(user);
        if (caller.IsOperator)
            throw new ValidationFailed(OrganisationHeader,
                $"A platform operator acts on a named organisation: give its id in the {OrganisationHeader} header.");
        // Guardians belong to no organisation; anyone else without one has a token we must not act on.
        if (caller.Kind == AccountKind.Guardian) return NoTenant;
        throw new Forbidden("Your token names no organisation.");
    }

    public Guid? CurrentOrganisation()
    {
        var context = accessor.HttpContext;
        if (context?.User.Identity?.IsAuthenticated != true) return null;
        var caller = PortalCaller.From(context.User);
        if (!caller.IsOperator) return caller.OrganisationId;

        var named = context.Request.RouteValues.TryGetValue("org", out var route) ? route?.ToString()
            : context.Request.Headers[OrganisationHeader].FirstOrDefault();
        if (named is null) return null;
        return Guid.TryParse(named, out var id)
            ? id
            : throw new ValidationFailed(OrganisationHeader, $"'{named}' is not an organisation id.");
    }
}
