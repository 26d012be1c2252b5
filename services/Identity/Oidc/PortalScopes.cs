namespace Portal.Identity.Oidc;

/// <summary>
/// The scopes clients ask for and the service audiences each grants. An access token carries one audience per
/// service it may call; each service accepts only its own (DESIGN §3).
/// </summary>
public static class PortalScopes
{
    /// <summary>Everything a person may do in the portal's web and mobile apps.</summary>
    public const string Portal = "portal";
    /// <summary>Finance reading invoices.</summary>
    public const string BillingRead = "billing-read";
    /// <summary>MIS sync producers writing rosters.</summary>
    public const string RosterSync = "roster-sync";

    public static readonly IReadOnlyList<string> ServiceAudiences =
        ["portal-identity", "portal-institution", "portal-roster", "portal-accesscode", "portal-billing"];

    public static readonly IReadOnlyList<string> MachineScopes = [BillingRead, RosterSync];

    public static IEnumerable<string> AudiencesFor(IEnumerable<string> scopes) => scopes.SelectMany(scope => scope switch
    {
        Portal => ServiceAudiences,
        BillingRead => ["portal-billing"],
        RosterSync => ["portal-roster"],
        _ => Array.Empty<string>(),
    }).Distinct();
}
