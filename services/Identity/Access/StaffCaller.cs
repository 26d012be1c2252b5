using Portal.Identity.Staff;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Access;

/// <summary>The caller as the staff management rules see them; the organisation is the tenant, resolved from the token.</summary>
public static class StaffCaller
{
    public static PortalCaller Of(HttpContext http) => PortalCaller.From(http.User);

    /// <summary>
    /// Only members of staff manage staff accounts here: the rules are written per staff type, and a platform
    /// operator has none (operator set-up of an organisation's first administrator is not built yet).
    /// </summary>
    public static StaffActor Actor(HttpContext http)
    {
        var caller = Of(http);
        if (caller is not { Kind: AccountKind.Staff, StaffType: { } type, OrganisationId: not null })
            throw new Forbidden("Only members of staff of an organisation may manage staff accounts.");
        return new StaffActor(caller.AccountId, type, caller.Institutions.ToList());
    }

    /// <summary>
    /// Who registers a staff account, in which organisation, and how. A platform operator sets up an organisation's
    /// first educator accounts (District Administrators, the chart's "setting up for the first time"), acting on the
    /// organisation their request names; everyone else adds staff individually in their own organisation.
    /// </summary>
    public static (StaffActor Actor, Guid Organisation, AddingMode Mode) Registrar(HttpContext http, Marten.IQuerySession session, StaffType type)
    {
        var caller = Of(http);
        if (!caller.IsOperator)
            return (Actor(http), Organisation(http), AddingMode.Individually);
        if (type != StaffType.DistrictAdministrator)
            throw new Forbidden("Platform operators set up District Administrators only; they add the rest of their organisation's staff.");
        return (new StaffActor(caller.AccountId, StaffType.DistrictAdministrator, []), Guid.Parse(session.TenantId), AddingMode.FirstTimeSetUp);
    }

    public static Guid Organisation(HttpContext http) =>
        Of(http).OrganisationId ?? throw new Forbidden("Your token names no organisation.");

    /// <summary>Who a member of staff may see: the whole organisation, their own schools, or themselves.</summary>
    public static bool MaySee(StaffActor actor, StaffAccountState account) => actor.Type switch
    {
        StaffType.DistrictAdministrator or StaffType.CustomerAdministrator => true,
        StaffType.BuildingAdministrator => account.Id == actor.Id || account.Institutions.Any(actor.Institutions.Contains),
        _ => account.Id == actor.Id,
    };
}
