namespace Portal.ServiceDefaults.Permissions;

/// <summary>
/// A row of the permission chart (docs/permission-chart.md): what a member of staff may do, under the chart's
/// section heading, with the chart's restriction text that the owning service enforces beyond the scope
/// (empty when the row has none).
/// </summary>
public sealed record Permission(string Name, string Section, string Restriction = "")
{
    public override string ToString() => Name;
}

/// <summary>
/// How far a permission reaches, resolved by the owning service against the resource. Each scope contains the
/// smaller ones: the caller's own account lies in their classes' reach, their classes in their institution.
/// </summary>
public enum Scope
{
    None = 0,
    Self = 1,
    OwnClasses = 2,
    OwnInstitution = 3,
    Organisation = 4,
}
