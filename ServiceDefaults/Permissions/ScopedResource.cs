using Microsoft.AspNetCore.Http;
using Portal.ServiceDefaults.Security;

namespace Portal.ServiceDefaults.Permissions;

/// <summary>
/// What a resource belongs to, as far as scopes go, filled in by the owning service from its own data: the schools
/// it sits in, the teachers of the classes it is in (Roster knows them, the token does not), and the account it is
/// when it is one. The organisation is not here: the tenant has already ruled out every other organisation.
/// </summary>
public sealed record ScopedResource(IReadOnlySet<Guid> Institutions, IReadOnlySet<Guid> Teachers, Guid? Account = null)
{
    public static ScopedResource InSchool(Guid institution) => new(new HashSet<Guid> { institution }, new HashSet<Guid>());

    public static ScopedResource InClasses(Guid institution, IEnumerable<Guid> teachers) =>
        new(new HashSet<Guid> { institution }, teachers.ToHashSet());

    public static ScopedResource AccountOf(Guid account, IEnumerable<Guid> institutions) =>
        new(institutions.ToHashSet(), new HashSet<Guid>(), account);
}

public static class ScopeResolution
{
    /// <summary>
    /// Whether a granted scope reaches the resource. Scopes nest, so the caller's own account is within every scope,
    /// and classes count only in the caller's own schools: a teacher who moved school no longer reaches the old
    /// classes even while still listed as their teacher.
    /// </summary>
    public static bool Reaches(this Scope scope, PortalCaller caller, ScopedResource resource)
    {
        var isSelf = caller.AccountId != Guid.Empty && resource.Account == caller.AccountId;
        var inOwnSchool = resource.Institutions.Overlaps(caller.Institutions);
        return scope switch
        {
            Scope.Organisation => true,
            Scope.OwnInstitution => isSelf || inOwnSchool,
            Scope.OwnClasses => isSelf || (inOwnSchool && caller.AccountId != Guid.Empty && resource.Teachers.Contains(caller.AccountId)),
            Scope.Self => isSelf,
            _ => false,
        };
    }

    /// <summary>Whether the scope <see cref="PermissionEndpointExtensions.RequirePermission{TBuilder}"/> granted on this request reaches the resource.</summary>
    public static bool GrantedScopeReaches(this HttpContext http, ScopedResource resource) =>
        http.GrantedScope().Reaches(PortalCaller.From(http.User), resource);
}
