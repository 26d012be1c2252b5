using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Institution.Access;

/// <summary>Checks of a caller against a resource, after the endpoint's permission filter granted a scope.</summary>
public static class Caller
{
    public static PortalCaller Of(HttpContext http) => PortalCaller.From(http.User);

    /// <summary>Another organisation's resource answers 404, exactly as one that does not exist.</summary>
    public static void EnsureOrganisation(HttpContext http, Guid organisationId)
    {
        var caller = Of(http);
        if (!caller.IsOperator && caller.OrganisationId != organisationId)
            throw new NotFound($"Organisation {organisationId} was not found.");
    }

    /// <summary>
    /// Organisation scope reaches every school; institution or class scope only the caller's own schools. Another school
    /// answers 404, exactly as one that does not exist (a Building Administrator cannot learn which schools exist).
    /// </summary>
    public static void EnsureSchoolInScope(HttpContext http, Guid schoolId)
    {
        if (SchoolInScope(http, http.GrantedScope(), schoolId)) return;
        throw new NotFound(SchoolNotFound(schoolId));
    }

    public static bool SchoolInScope(HttpContext http, Scope scope, Guid schoolId) =>
        scope == Scope.Organisation || (scope >= Scope.OwnClasses && Of(http).Institutions.Contains(schoolId));

    public static string SchoolNotFound(Guid school) => $"School {school} was not found.";

    public static void EnsureOperator(HttpContext http, string what)
    {
        if (!Of(http).IsOperator) throw new Forbidden($"Only a platform operator may {what}.");
    }
}
