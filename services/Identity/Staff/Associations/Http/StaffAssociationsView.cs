using Portal.Identity.Institutions;

namespace Portal.Identity.Staff;

/// <summary>A profile's associations: the schools it may act in today, each with where it comes from, and what was chosen.</summary>
public sealed record StaffAssociationsView(Guid ProfileId, IReadOnlyList<EffectiveSchoolView> Effective, ChosenAssociationsView Associations)
{
    public static StaffAssociationsView Of(StaffAssociationsState state, InstitutionDirectory directory)
    {
        var clusters = directory.ClusterMembership();
        var effective = EffectiveInstitutions.Compute(state, clusters, directory.Schools.Keys.ToList())
            .Select(e => new EffectiveSchoolView(
                e.SchoolId, directory.Schools.GetValueOrDefault(e.SchoolId)?.Name, directory.Schools.GetValueOrDefault(e.SchoolId)?.Code,
                e.Sources.Select(SourceView.Of).ToList()))
            .OrderBy(e => e.Name ?? "", StringComparer.OrdinalIgnoreCase).ThenBy(e => e.SchoolId)
            .ToList();
        return new StaffAssociationsView(state.ProfileId, effective, new ChosenAssociationsView(
            state.Schools.Select(id => new NamedInstitutionView(id, directory.Schools.GetValueOrDefault(id)?.Name)).ToList(),
            state.Clusters.Select(id => new NamedInstitutionView(id, directory.Clusters.GetValueOrDefault(id)?.Name)).ToList(),
            state.AllInstitutions));
    }
}

/// <param name="Name">Null only for a school Identity has not heard of from Institution yet.</param>
public sealed record EffectiveSchoolView(Guid SchoolId, string? Name, string? Code, IReadOnlyList<SourceView> Sources);

/// <param name="Kind"><c>direct</c>, <c>cluster</c> (with the cluster's id and name) or <c>all</c>.</param>
public sealed record SourceView(string Kind, Guid? ClusterId = null, string? ClusterName = null)
{
    public const string Direct = "direct", Cluster = "cluster", All = "all";

    public static SourceView Of(InstitutionSource source) => source switch
    {
        InstitutionSource.ViaCluster c => new SourceView(Cluster, c.ClusterId, c.Name),
        InstitutionSource.All => new SourceView(All),
        _ => new SourceView(Direct),
    };
}

public sealed record ChosenAssociationsView(IReadOnlyList<NamedInstitutionView> Schools, IReadOnlyList<NamedInstitutionView> Clusters, bool AllInstitutions);

public sealed record NamedInstitutionView(Guid Id, string? Name);
