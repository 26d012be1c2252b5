namespace Portal.Identity.Staff;

/// <summary>A role trust/LA staff hold, granting named permissions beyond their staff type.</summary>
public sealed record BusinessRole(string Name, IReadOnlyList<string> Permissions)
{
    public bool Grants(string permission) => Permissions.Contains(permission);
}

public static class BusinessRoles
{
    public const string LoginToMisAssociatedInstitutions = "Login to MIS: Associated institutions";

    public static readonly BusinessRole MisAccess = new("MIS access", [LoginToMisAssociatedInstitutions]);

    public static IReadOnlyList<BusinessRole> Catalogue { get; } = [MisAccess];
}
