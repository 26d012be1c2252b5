using Marten;
using ClusterMembership = System.Collections.Generic.IReadOnlyDictionary<System.Guid, (string Name, System.Collections.Generic.IReadOnlyList<System.Guid> Schools)>;

namespace Portal.Identity.Institutions;

/// <summary>
/// The schools and clusters of one organisation as Identity knows them from Institution's messages: the latest
/// description of each. The session decides the organisation; an organisation has tens of schools, so all are read.
/// </summary>
public sealed class InstitutionDirectory
{
    public sealed record School(Guid Id, string Name, string Code);

    public sealed record Cluster(Guid Id, string Name, IReadOnlyList<Guid> Schools, long Version);

    private readonly Dictionary<string, School> byCode;

    private InstitutionDirectory(IReadOnlyDictionary<Guid, School> schools, IReadOnlyDictionary<Guid, Cluster> clusters)
    {
        Schools = schools;
        Clusters = clusters;
        byCode = schools.Values.Where(s => s.Code.Length > 0)
            .GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<Guid, School> Schools { get; }

    public IReadOnlyDictionary<Guid, Cluster> Clusters { get; }

    public static async Task<InstitutionDirectory> LoadAsync(IQuerySession session, CancellationToken cancellation = default)
    {
        var schools = (await session.Query<KnownSchool>().ToListAsync(cancellation))
            .GroupBy(s => s.SchoolId)
            .Select(g => g.MaxBy(s => s.Revision)!)
            .ToDictionary(s => s.SchoolId, s => new School(s.SchoolId, s.Name, s.Code));
        var clusters = (await session.Query<KnownCluster>().ToListAsync(cancellation))
            .GroupBy(c => c.ClusterId)
            .Select(g => g.MaxBy(c => c.Version)!)
            .ToDictionary(c => c.ClusterId, c => new Cluster(c.ClusterId, c.Name, c.Schools, c.Version));
        return new InstitutionDirectory(schools, clusters);
    }

    /// <summary>A school named the way a roster file names it: by Institution's id, or by the school's code.</summary>
    public School? FindSchool(string idOrCode)
    {
        var key = idOrCode.Trim();
        if (Guid.TryParse(key, out var id) && Schools.TryGetValue(id, out var byId))
            return byId;
        return byCode.GetValueOrDefault(key);
    }

    /// <summary>The shape the associations decider and <c>EffectiveInstitutions.Compute</c> take.</summary>
    public ClusterMembership ClusterMembership() =>
        Clusters.ToDictionary(c => c.Key, c => (c.Value.Name, c.Value.Schools));
}
