namespace Portal.ServiceDefaults.Permissions;

/// <summary>A row of the permission chart: what a member of staff may do, under the chart's section heading.</summary>
public sealed record Permission(string Name, string Section)
{
    public override string ToString() => Name;
}

/// <summary>How far a permission reaches, resolved by the owning service against the resource.</summary>
public enum Scope
{
    None = 0,
    Self = 1,
    OwnClasses = 2,
    OwnInstitution = 3,
    Organisation = 4,
}
