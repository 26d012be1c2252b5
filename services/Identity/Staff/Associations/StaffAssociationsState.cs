namespace Portal.Identity.Staff;

/// <summary>
/// Which schools an organisation-level staff profile is associated with, as its owner chose them: schools, clusters,
/// all institutions, or a mix. What that means today is <see cref="EffectiveInstitutions"/>' job, since clusters change.
/// </summary>
public sealed record StaffAssociationsState(Guid ProfileId, IReadOnlyList<Guid> Schools, IReadOnlyList<Guid> Clusters, bool AllInstitutions)
{
    public static StaffAssociationsState Empty(Guid profileId) => new(profileId, [], [], false);

    public static StaffAssociationsState Create(AssociatedWithSchool e) => Empty(e.ProfileId).Apply(e);

    public static StaffAssociationsState Create(AssociatedWithCluster e) => Empty(e.ProfileId).Apply(e);

    public static StaffAssociationsState Create(AssociatedWithAllInstitutions e) => Empty(e.ProfileId).Apply(e);

    public StaffAssociationsState Apply(AssociatedWithSchool e) => this with { Schools = [.. Schools, e.SchoolId] };

    public StaffAssociationsState Apply(AssociatedWithCluster e) => this with { Clusters = [.. Clusters, e.ClusterId] };

    public StaffAssociationsState Apply(AssociatedWithAllInstitutions e) => this with { AllInstitutions = true };

    public StaffAssociationsState Apply(SchoolAssociationRemoved e) => this with { Schools = Schools.Where(s => s != e.SchoolId).ToList() };

    public StaffAssociationsState Apply(ClusterAssociationRemoved e) => this with { Clusters = Clusters.Where(c => c != e.ClusterId).ToList() };

    public StaffAssociationsState Apply(AllInstitutionsAssociationRemoved e) => this with { AllInstitutions = false };
}
