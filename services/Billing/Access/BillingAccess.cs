using System.Security.Claims;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Billing.Access;

/// <summary>Who may read which invoices: finance's machine client (scope billing-read) reads every organisation's.</summary>
public static class BillingAccess
{
    public const string BillingReadScope = "billing-read";

    /// <summary>A machine client holding the billing-read scope (the access token's space-separated scope claim).</summary>
    public static bool IsFinance(ClaimsPrincipal user) =>
        user.FindFirst(PortalClaims.Kind)?.Value == "client"
        && user.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(BillingReadScope);

    public static void EnsureFinance(HttpContext http)
    {
        if (!IsFinance(http.User))
            throw new Forbidden("Only finance's machine client (scope billing-read) reads every organisation's invoices.");
    }
}
