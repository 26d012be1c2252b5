using Portal.Institution.Contracts;

namespace Portal.Identity.Staff;

/// <summary>
/// Identity's copy of Institution's clusters, kept from <see cref="ClusterMembershipChanged"/>. Each message carries
/// the whole membership and its version, so an older one delivered late is ignored.
/// </summary>
public sealed record ClusterMemberships(IReadOnlyDictionary<Guid, ClusterMemberships.Cluster> Clusters)
{
    public sealed record Cluster(string Name, IReadOnlyList<Guid> Schools, long Version);

    public static ClusterMemberships None { get; } = new(new Dictionary<Guid, Cluster>());

    public ClusterMemberships Apply(ClusterMembershipChanged e)
    {
        if (Clusters.TryGetValue(e.ClusterId, out var known) && known.Version >= e.Version)
            return this;
        return new ClusterMemberships(new Dictionary<Guid, Cluster>(Clusters)
        {
            [e.ClusterId] = new Cluster(e.Name, e.InstitutionIds, e.Version),
        });
    }

    /// <summary>The shape <see cref="EffectiveInstitutions.Compute"/> and the removal decider take.</summary>
    public IReadOnlyDictionary<Guid, (string Name, IReadOnlyList<Guid> Schools)> ForLookup() =>
        Clusters.ToDictionary(c => c.Key, c => (c.Value.Name, c.Value.Schools));
}
