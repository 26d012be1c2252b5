namespace Portal.Identity.Institutions;

/// <summary>
/// A school as Institution last described it, one document per description (<see cref="Revision"/> is the
/// message's time). Keeping each description under its own id and reading the latest makes the outcome
/// independent of delivery order and of two deliveries racing, with no lock and no lost update.
/// </summary>
public sealed record KnownSchool(string Id, Guid SchoolId, string Name, string Code, long Revision)
{
    public static string IdFor(Guid schoolId, long revision) => $"{schoolId:N}@{revision}";
}

/// <summary>A cluster's whole membership at one version of Institution's cluster stream, kept the same way.</summary>
public sealed record KnownCluster(string Id, Guid ClusterId, string Name, IReadOnlyList<Guid> Schools, long Version)
{
    public static string IdFor(Guid clusterId, long version) => $"{clusterId:N}@{version}";
}
