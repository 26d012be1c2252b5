using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;
using static Portal.ServiceDefaults.Security.StaffType;

namespace Portal.Identity.Staff;

/// <summary>
/// The chart's "Managing staff accounts" rows, in one place. Each check returns quietly when allowed and throws
/// <see cref="Forbidden"/> saying which row refused. Organisation scope is the tenant, enforced before these run.
/// </summary>
public static class StaffManagementRules
{
    public static void EnsureMayAdd(StaffActor actor, StaffType newType, IReadOnlyList<Guid> institutions, AddingMode mode)
    {
        switch (mode)
        {
            case AddingMode.FirstTimeSetUp when actor.Type != DistrictAdministrator:
                throw new Forbidden("Only District Administrators may set up an educator account for the first time.");
            case AddingMode.InBulk when newType != Teacher:
                throw new Forbidden($"{Label(newType)} accounts can only be added individually, not in bulk.");
        }

        switch (actor.Type)
        {
            case Teacher:
                throw new Forbidden("Teachers may not add staff accounts.");
            case BuildingAdministrator when newType is DistrictAdministrator or CustomerAdministrator:
                throw new Forbidden("Building Administrators may add only Building Administrators and teachers.");
            case BuildingAdministrator when institutions.Count == 0 || !institutions.All(actor.Institutions.Contains):
                throw new Forbidden("Building Administrators may add staff only in their own school.");
        }
    }

    public static void EnsureMayEdit(StaffActor actor, StaffTarget target)
    {
        if (actor.Id == target.Id)
            return;
        switch (actor.Type)
        {
            case Teacher:
                throw new Forbidden("Teachers may edit only their own account.");
            case BuildingAdministrator:
                EnsureWithinOwnSchool(actor, target, "edit");
                if (target.Type != Teacher)
                    throw new Forbidden($"Building Administrators may not edit other {Label(target.Type)}s.");
                break;
        }
    }

    public static void EnsureMayDeactivate(StaffActor actor, StaffTarget target)
    {
        if (actor.Id == target.Id)
            throw new Forbidden("Nobody may deactivate their own account.");
        EnsureMayChangeActivation(actor, target, "deactivate");
    }

    public static void EnsureMayActivate(StaffActor actor, StaffTarget target) =>
        EnsureMayChangeActivation(actor, target, "activate");

    /// <summary>A new type is a new account as far as escalation goes: the actor must be allowed to add that type.</summary>
    public static void EnsureMayChangeType(StaffActor actor, StaffTarget target, StaffType newType)
    {
        if (actor.Id == target.Id)
            throw new Forbidden("Nobody may change their own staff type.");
        EnsureMayEdit(actor, target);
        EnsureMayAdd(actor, newType, target.Institutions, AddingMode.Individually);
    }

    /// <summary>Business roles reach beyond one school, so only organisation-level administrators hand them out.</summary>
    public static void EnsureMayAssignBusinessRoles(StaffActor actor, StaffTarget target)
    {
        if (actor.Type is not (DistrictAdministrator or CustomerAdministrator))
            throw new Forbidden("Only District and Customer Administrators may assign business roles.");
        EnsureMayEdit(actor, target);
    }

    static void EnsureMayChangeActivation(StaffActor actor, StaffTarget target, string verb)
    {
        switch (actor.Type)
        {
            case Teacher:
                throw new Forbidden($"Teachers may not {verb} staff accounts.");
            case BuildingAdministrator:
                if (target.Type != Teacher)
                    throw new Forbidden($"Building Administrators may {verb} only teachers, not {Label(target.Type)}s.");
                EnsureWithinOwnSchool(actor, target, verb);
                break;
        }
    }

    static void EnsureWithinOwnSchool(StaffActor actor, StaffTarget target, string verb)
    {
        if (!target.Institutions.Any(actor.Institutions.Contains))
            throw new Forbidden($"Building Administrators may {verb} only staff of their own school.");
    }

    public static string Label(StaffType type) => type switch
    {
        DistrictAdministrator => "District Administrator",
        CustomerAdministrator => "Customer Administrator",
        BuildingAdministrator => "Building Administrator",
        Teacher => "Teacher",
        _ => type.ToString(),
    };
}
