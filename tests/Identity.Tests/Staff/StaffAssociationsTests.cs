using Portal.Identity.Staff;
using Portal.Institution.Contracts;
using Portal.ServiceDefaults.Problems;
using static Portal.Identity.Tests.Staff.StaffGiven;
using ClusterMembership = System.Collections.Generic.IReadOnlyDictionary<System.Guid, (string Name, System.Collections.Generic.IReadOnlyList<System.Guid> Schools)>;

namespace Portal.Identity.Tests.Staff;

public class StaffAssociationsTests
{
    static readonly Guid Profile = Guid.NewGuid();
    static readonly Guid Actor = Guid.NewGuid();
    static readonly Guid Northfield = Guid.NewGuid();
    static readonly Guid Southgate = Guid.NewGuid();
    static readonly Guid Westbrook = Guid.NewGuid();
    static readonly Guid NorthCluster = Guid.NewGuid();

    static ClusterMembership North(params Guid[] schools) =>
        new Dictionary<Guid, (string Name, IReadOnlyList<Guid> Schools)> { [NorthCluster] = ("North cluster", schools) };

    static InstitutionSource[] SourcesOf(IReadOnlyList<EffectiveInstitution> list, Guid school) =>
        list.Single(e => e.SchoolId == school).Sources.ToArray();

    [Fact]
    public void Associating_with_a_school_twice_records_it_once()
    {
        var first = StaffAssociations.Decide(new AssociateWithSchool(Profile, Northfield, Actor, At), null);
        Assert.Equal(new AssociatedWithSchool(Profile, Northfield, Actor, At), Assert.Single(first));
        Assert.Empty(StaffAssociations.Decide(new AssociateWithSchool(Profile, Northfield, Actor, At), Associations(Profile, first)));
    }

    [Fact]
    public void Effective_institutions_show_direct_cluster_and_all_sources()
    {
        var state = Associations(Profile,
            new AssociatedWithSchool(Profile, Northfield, Actor, At),
            new AssociatedWithCluster(Profile, NorthCluster, Actor, At),
            new AssociatedWithAllInstitutions(Profile, Actor, At))!;

        var effective = EffectiveInstitutions.Compute(state, North(Northfield, Southgate), [Northfield, Southgate, Westbrook]);

        Assert.Equal(3, effective.Count);
        Assert.Equal<InstitutionSource>(
            [new InstitutionSource.Direct(), new InstitutionSource.ViaCluster(NorthCluster, "North cluster"), new InstitutionSource.All()],
            SourcesOf(effective, Northfield));
        Assert.Equal<InstitutionSource>(
            [new InstitutionSource.ViaCluster(NorthCluster, "North cluster"), new InstitutionSource.All()], SourcesOf(effective, Southgate));
        Assert.Equal<InstitutionSource>([new InstitutionSource.All()], SourcesOf(effective, Westbrook));
    }

    [Fact]
    public void Effective_institutions_of_select_schools_and_a_cluster_leave_other_schools_out()
    {
        var state = Associations(Profile,
            new AssociatedWithSchool(Profile, Westbrook, Actor, At),
            new AssociatedWithCluster(Profile, NorthCluster, Actor, At))!;

        var effective = EffectiveInstitutions.Compute(state, North(Northfield), [Northfield, Southgate, Westbrook]);

        Assert.Equal([Westbrook, Northfield], effective.Select(e => e.SchoolId));
        Assert.Equal<InstitutionSource>([new InstitutionSource.Direct()], SourcesOf(effective, Westbrook));
    }

    [Fact]
    public void Removing_a_school_there_only_through_a_cluster_is_refused_naming_the_cluster()
    {
        var state = Associations(Profile, new AssociatedWithCluster(Profile, NorthCluster, Actor, At));

        var refusal = Assert.Throws<RuleViolation>(() => StaffAssociations.Decide(
            new RemoveSchoolAssociation(Profile, Northfield, "Northfield Academy", Actor, At), state, North(Northfield, Southgate)));

        Assert.Equal("Northfield Academy is associated through the cluster 'North cluster'; remove the cluster or the school from it.", refusal.Message);
    }

    [Fact]
    public void Removing_a_direct_school_that_is_also_in_a_cluster_removes_the_direct_association_only()
    {
        var state = Associations(Profile,
            new AssociatedWithSchool(Profile, Northfield, Actor, At),
            new AssociatedWithCluster(Profile, NorthCluster, Actor, At));

        var events = StaffAssociations.Decide(new RemoveSchoolAssociation(Profile, Northfield, "Northfield Academy", Actor, At), state, North(Northfield));

        Assert.Equal(new SchoolAssociationRemoved(Profile, Northfield, Actor, At), Assert.Single(events));
        var after = Associations(Profile,
            new AssociatedWithSchool(Profile, Northfield, Actor, At), new AssociatedWithCluster(Profile, NorthCluster, Actor, At), events[0])!;
        Assert.Equal<InstitutionSource>([new InstitutionSource.ViaCluster(NorthCluster, "North cluster")],
            SourcesOf(EffectiveInstitutions.Compute(after, North(Northfield), [Northfield]), Northfield));
    }

    [Fact]
    public void Removing_a_school_there_only_through_all_institutions_is_refused()
    {
        var state = Associations(Profile, new AssociatedWithAllInstitutions(Profile, Actor, At));
        var refusal = Assert.Throws<RuleViolation>(() => StaffAssociations.Decide(
            new RemoveSchoolAssociation(Profile, Westbrook, "Westbrook School", Actor, At), state, North()));
        Assert.StartsWith("Westbrook School is associated through all institutions", refusal.Message);
    }

    [Fact]
    public void Removing_a_school_never_associated_changes_nothing() =>
        Assert.Empty(StaffAssociations.Decide(new RemoveSchoolAssociation(Profile, Westbrook, "Westbrook School", Actor, At), null, North(Northfield)));

    [Fact]
    public void Removing_the_cluster_and_all_institutions_associations()
    {
        var state = Associations(Profile,
            new AssociatedWithCluster(Profile, NorthCluster, Actor, At), new AssociatedWithAllInstitutions(Profile, Actor, At));

        Assert.Equal(new ClusterAssociationRemoved(Profile, NorthCluster, Actor, At),
            Assert.Single(StaffAssociations.Decide(new RemoveClusterAssociation(Profile, NorthCluster, Actor, At), state)));
        Assert.Equal(new AllInstitutionsAssociationRemoved(Profile, Actor, At),
            Assert.Single(StaffAssociations.Decide(new RemoveAllInstitutionsAssociation(Profile, Actor, At), state)));
        Assert.Empty(StaffAssociations.Decide(new RemoveClusterAssociation(Profile, Guid.NewGuid(), Actor, At), state));
    }

    [Fact]
    public void A_cluster_membership_change_updates_the_effective_list_without_touching_associations()
    {
        var state = Associations(Profile, new AssociatedWithCluster(Profile, NorthCluster, Actor, At))!;
        var clusters = ClusterMemberships.None
            .Apply(new ClusterMembershipChanged(Organisation, NorthCluster, "North cluster", [Northfield, Southgate], 1, At));
        Assert.Equal([Northfield, Southgate], EffectiveInstitutions.Compute(state, clusters.ForLookup(), []).Select(e => e.SchoolId));

        clusters = clusters.Apply(new ClusterMembershipChanged(Organisation, NorthCluster, "North cluster", [Southgate, Westbrook], 2, At));

        Assert.Equal([Southgate, Westbrook], EffectiveInstitutions.Compute(state, clusters.ForLookup(), []).Select(e => e.SchoolId));
        Assert.Equal([NorthCluster], state.Clusters);
    }

    [Fact]
    public void An_older_cluster_membership_delivered_late_is_ignored()
    {
        var clusters = ClusterMemberships.None
            .Apply(new ClusterMembershipChanged(Organisation, NorthCluster, "North cluster", [Southgate], 2, At))
            .Apply(new ClusterMembershipChanged(Organisation, NorthCluster, "North cluster", [Northfield], 1, At));
        Assert.Equal([Southgate], clusters.Clusters[NorthCluster].Schools);
    }

    [Fact]
    public void A_school_leaving_the_cluster_can_no_longer_be_refused_for_removal_through_it()
    {
        var state = Associations(Profile, new AssociatedWithCluster(Profile, NorthCluster, Actor, At));
        Assert.Throws<RuleViolation>(() => StaffAssociations.Decide(
            new RemoveSchoolAssociation(Profile, Northfield, "Northfield Academy", Actor, At), state, North(Northfield)));
        Assert.Empty(StaffAssociations.Decide(
            new RemoveSchoolAssociation(Profile, Northfield, "Northfield Academy", Actor, At), state, North(Southgate)));
    }
}
