using ClusterMembership = System.Collections.Generic.IReadOnlyDictionary<System.Guid, (string Name, System.Collections.Generic.IReadOnlyList<System.Guid> Schools)>;

namespace Portal.Identity.Staff;

/// <summary>Where a school in a profile's effective list comes from.</summary>
public abstract record InstitutionSource
{
    public sealed record Direct : InstitutionSource;
    public sealed record ViaCluster(Guid ClusterId, string Name) : InstitutionSource;
    public sealed record All : InstitutionSource;
}

/// <summary>A school the profile may act in, with every reason it may (a school can be there more than once over).</summary>
public sealed record EffectiveInstitution(Guid SchoolId, IReadOnlyList<InstitutionSource> Sources);

public static class EffectiveInstitutions
{
    /// <summary>
    /// Computed on read from today's cluster membership, so a cluster change (Institution's ClusterMembershipChanged)
    /// moves schools in or out without touching anyone's associations. A cluster Institution no longer knows adds nothing.
    /// </summary>
    public static IReadOnlyList<EffectiveInstitution> Compute(
        StaffAssociationsState associations, ClusterMembership clusterMembership, IReadOnlyCollection<Guid> allSchools)
    {
        var sources = new Dictionary<Guid, List<InstitutionSource>>();
        void Add(Guid school, InstitutionSource source)
        {
            if (!sources.TryGetValue(school, out var list))
                sources[school] = list = [];
            list.Add(source);
        }

        foreach (var school in associations.Schools)
            Add(school, new InstitutionSource.Direct());
        foreach (var clusterId in associations.Clusters)
            if (clusterMembership.TryGetValue(clusterId, out var cluster))
                foreach (var school in cluster.Schools.Distinct())
                    Add(school, new InstitutionSource.ViaCluster(clusterId, cluster.Name));
        if (associations.AllInstitutions)
            foreach (var school in allSchools.Distinct())
                Add(school, new InstitutionSource.All());

        return sources.Select(s => new EffectiveInstitution(s.Key, s.Value)).ToList();
    }
}
