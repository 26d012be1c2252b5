using System.Security.Claims;
using Portal.Billing.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Billing.Ledger.Explaining;

/// <summary>
/// Which rows of an organisation's ledger a caller may read (<see cref="Schools"/>, null = every school) and for which
/// schools they may see students' names (<see cref="NamedSchools"/>: only the school's own staff).
/// </summary>
public sealed record LedgerReach(IReadOnlySet<Guid>? Schools, IReadOnlySet<Guid> NamedSchools)
{
    private static readonly IReadOnlySet<Guid> NoNames = new HashSet<Guid>();

    public bool Reaches(Guid school) => Schools is null || Schools.Contains(school);

    /// <summary>
    /// Finance and operators read every row, by id only. District and Customer administrators of the organisation read
    /// every row (the invoices permission); a Building administrator reads their own school's rows. Staff see names
    /// on the rows of the schools their token acts in. Anyone else's organisation answers 404.
    /// </summary>
    public static LedgerReach Of(ClaimsPrincipal user, Guid organisation)
    {
        if (BillingAccess.IsFinance(user)) return new LedgerReach(null, NoNames);
        var caller = PortalCaller.From(user);
        if (caller.IsOperator) return new LedgerReach(null, NoNames);
        if (caller is not { Kind: AccountKind.Staff, StaffType: { } type })
            throw new Forbidden("Only staff, platform operators and finance read who was counted in a term.");
        if (caller.OrganisationId != organisation)
            throw new NotFound($"There is no organisation {organisation} in your reach.");

        if (PermissionMatrix.ScopeOf(type, PermissionMatrix.ViewInvoices) == Scope.Organisation)
            return new LedgerReach(null, caller.Institutions);
        if (type == StaffType.BuildingAdministrator && caller.Institutions.Count > 0)
            return new LedgerReach(caller.Institutions, caller.Institutions);
        throw new Forbidden($"Your account does not have the permission '{PermissionMatrix.ViewInvoices.Name}', nor a school of its own to read.");
    }
}
