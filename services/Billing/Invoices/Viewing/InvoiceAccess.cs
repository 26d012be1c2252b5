using Portal.Billing.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Billing.Invoices.Viewing;

/// <summary>
/// Who reads which invoices: finance's machine client every organisation's; District and Customer administrators
/// their own organisation's (Viewing the organization's invoices); platform operators the organisation they act on.
/// </summary>
public static class InvoiceAccess
{
    /// <summary>The organisation whose invoices the (non-finance) caller reads; another organisation in the route is 404.</summary>
    public static Guid EnsureOrganisation(HttpContext http, Guid? named = null)
    {
        var caller = PortalCaller.From(http.User);
        if (PermissionEndpointExtensions.ScopeFor(caller, PermissionMatrix.ViewInvoices) != Scope.Organisation)
            throw new Forbidden($"Your account does not have the permission '{PermissionMatrix.ViewInvoices.Name}'.");
        var tenants = http.RequestServices.GetRequiredService<TenantResolver>();
        var organisation = Guid.Parse(tenants.CurrentTenant());
        if (named is { } asked && asked != organisation) throw new NotFound(OrganisationNotFound(asked));
        return organisation;
    }

    public static bool IsFinance(HttpContext http) => BillingAccess.IsFinance(http.User);

    public static string OrganisationNotFound(Guid organisation) => $"Organisation {organisation} was not found.";

    public static string InvoiceNotFound(Guid invoice) => $"Invoice {invoice} was not found.";

    public static string TermNotFound(string term) => $"The organisation's term calendar has no term '{term}'.";
}
