namespace Portal.Security.Tests;

/// <summary>An operation anyone may call, and why.</summary>
public sealed record PublicOperation(string Method, string PublicPath, string Reason)
{
    public bool Matches(ApiOperation operation) =>
        operation.Method == Method && string.Equals(operation.PublicPath, PublicPath, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The operations in the OpenAPI documents that are public by design. The OpenAPI documents do not say which operations
/// need a token, so this list is explicit: a new anonymous endpoint fails the suite until it is listed here with its
/// reason. Login pages, the OIDC endpoints, the setup pages, health and the OpenAPI documents themselves are excluded from
/// the documents already (ExcludeFromDescription), so they never reach the suite.
/// </summary>
public static class PublicOperations
{
    public static readonly IReadOnlyList<PublicOperation> Entries =
    [
        new("POST", "/identity/guardians/register",
            "A parent or guardian creates their own account here before they have any token (they verify their email next)."),
        new("GET", "/institution/institutions/{school}/settings/parent-portal-logo",
            "The school's logo, shown on the parent portal's sign-in and registration pages before anyone has a token."),
    ];

    public static bool Includes(ApiOperation operation) => Entries.Any(e => e.Matches(operation));
}
