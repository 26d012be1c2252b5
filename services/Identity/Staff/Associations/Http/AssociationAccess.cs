using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;
using static Portal.ServiceDefaults.Security.StaffType;

namespace Portal.Identity.Staff;

/// <summary>
/// Who deals with associations. Only organisation-level profiles (District and Customer Administrators, the trust's
/// or authority's own staff) are associated with schools; school staff already belong to theirs. Associations reach
/// across schools, so only District and Customer Administrators change them (the chart's "Associating staff with
/// schools and clusters" row).
/// </summary>
public static class AssociationAccess
{
    /// <summary>Who may change them is the permission matrix's row (the endpoints require it); this is about the profile.</summary>
    public static void EnsureAssociable(StaffAccountState profile)
    {
        if (profile.Type is not (DistrictAdministrator or CustomerAdministrator))
            throw new RuleViolation(
                $"Staff account {profile.Id} is a {StaffManagementRules.Label(profile.Type)}, who works in their own school; "
                + "only organisation-level profiles (District and Customer Administrators) are associated with schools.");
    }

    /// <summary>
    /// The administrators who manage associations, and the profile's owner, who acts on them. Asked before the profile
    /// is loaded, so everyone else gets the same 403 whether or not the profile exists.
    /// </summary>
    public static void EnsureMayRead(StaffActor actor, Guid profile)
    {
        if (actor.Id != profile && actor.Type is not (DistrictAdministrator or CustomerAdministrator))
            throw new Forbidden("Only District and Customer Administrators, and the profile's owner, may see its associations.");
    }
}
