namespace Portal.Gateway.Routing;

/// <summary>A service the gateway can route to: its discovery name and the public path prefix it answers under.</summary>
public sealed record PortalService(string Name, string Prefix, bool RequiresAuthentication, IReadOnlyList<string>? PublicReads = null)
{
    /// <summary>
    /// Paths under the prefix (route templates) anyone may GET from a service that otherwise needs a token: what a page
    /// shows before anyone has signed in.
    /// </summary>
    public IReadOnlyList<string> AnonymousReads => PublicReads ?? [];

    /// <summary>The token audience the service accepts (DESIGN §3).</summary>
    public string Audience => $"portal-{Name}";

    public string OpenApiPath => $"{Prefix}/openapi/v1.json";
}

public static class PortalServices
{
    /// <summary>Every service behind the gateway. Identity is anonymous because its login pages and token endpoint come before any token.</summary>
    public static readonly IReadOnlyList<PortalService> All =
    [
        new("identity", "/identity", RequiresAuthentication: false),
        // The school's logo is shown on the parent portal's sign-in and registration pages.
        new("institution", "/institution", RequiresAuthentication: true,
            PublicReads: ["/institutions/{school}/settings/parent-portal-logo"]),
        new("roster", "/roster", RequiresAuthentication: true),
        new("accesscode", "/access-codes", RequiresAuthentication: true),
        new("billing", "/billing", RequiresAuthentication: true),
    ];

    public static string[] Audiences => [.. All.Select(s => s.Audience)];
}
