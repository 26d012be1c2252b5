namespace Portal.Institution.Clusters;

/// <summary>A named group of schools within one organisation. Marten live-aggregates it through Create/Apply.</summary>
public sealed record ClusterState(Guid Id, Guid OrganisationId, string Name, IReadOnlyList<Guid> SchoolIds)
{
    public static ClusterState Create(ClusterCreated e) => new(e.ClusterId, e.OrganisationId, e.Name, []);

    public ClusterState Apply(ClusterRenamed e) => this with { Name = e.Name };

    public ClusterState Apply(SchoolAddedToCluster e) => this with { SchoolIds = [.. SchoolIds, e.SchoolId] };

    public ClusterState Apply(SchoolRemovedFromCluster e) => this with { SchoolIds = SchoolIds.Where(id => id != e.SchoolId).ToList() };

    public bool Contains(Guid schoolId) => SchoolIds.Contains(schoolId);
}
