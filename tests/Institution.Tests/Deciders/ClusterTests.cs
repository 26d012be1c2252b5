using Portal.Institution.Clusters;

namespace Portal.Institution.Tests.Deciders;

public class ClusterTests
{
    static DeciderSpec<ClusterState> Given(params object[] events) =>
        DeciderSpec<ClusterState>.Given([Sample.ClusterCreated(), .. events]);

    static SchoolAddedToCluster Added(Guid schoolId) => new(Sample.ClusterId, schoolId, Sample.Admin, Sample.At);

    [Fact]
    public void Creating_a_cluster_records_its_trimmed_name_and_organisation() =>
        DeciderSpec<ClusterState>.Given()
            .WhenStarting(state => Cluster.Decide(new CreateCluster(Sample.ClusterId, Sample.OrganisationId, " North ", Sample.Admin, Sample.At), state))
            .Then(new ClusterCreated(Sample.ClusterId, Sample.OrganisationId, "North", Sample.Admin, Sample.At));

    [Fact]
    public void Creating_a_cluster_that_exists_is_refused() =>
        Given()
            .WhenStarting(state => Cluster.Decide(new CreateCluster(Sample.ClusterId, Sample.OrganisationId, "South", Sample.Admin, Sample.At), state))
            .ThenRefused($"Cluster 'North' already exists with id {Sample.ClusterId}.");

    [Fact]
    public void Creating_a_cluster_without_a_name_is_invalid() =>
        DeciderSpec<ClusterState>.Given()
            .WhenStarting(state => Cluster.Decide(new CreateCluster(Sample.ClusterId, Sample.OrganisationId, "", Sample.Admin, Sample.At), state))
            .ThenInvalid("name", "Cluster name is required.");

    [Fact]
    public void Creating_a_cluster_with_a_name_over_200_characters_is_invalid() =>
        DeciderSpec<ClusterState>.Given()
            .WhenStarting(state => Cluster.Decide(new CreateCluster(Sample.ClusterId, Sample.OrganisationId, new string('c', 201), Sample.Admin, Sample.At), state))
            .ThenInvalid("name", "Cluster name must be at most 200 characters (it has 201).");

    [Fact]
    public void Creating_a_cluster_without_an_id_is_invalid() =>
        DeciderSpec<ClusterState>.Given()
            .WhenStarting(state => Cluster.Decide(new CreateCluster(Guid.Empty, Sample.OrganisationId, "North", Sample.Admin, Sample.At), state))
            .ThenInvalid("clusterId", "Cluster id is required.");

    [Fact]
    public void Creating_a_cluster_without_an_organisation_is_invalid() =>
        DeciderSpec<ClusterState>.Given()
            .WhenStarting(state => Cluster.Decide(new CreateCluster(Sample.ClusterId, Guid.Empty, "North", Sample.Admin, Sample.At), state))
            .ThenInvalid("organisationId", "Organisation id is required.");

    [Fact]
    public void Renaming_a_cluster_records_the_new_name() =>
        Given()
            .When(state => Cluster.Decide(new RenameCluster(Sample.ClusterId, "North East ", Sample.Admin, Sample.At), state))
            .Then(new ClusterRenamed(Sample.ClusterId, "North East", Sample.Admin, Sample.At));

    [Fact]
    public void Renaming_a_cluster_to_its_name_records_nothing() =>
        Given()
            .When(state => Cluster.Decide(new RenameCluster(Sample.ClusterId, " North", Sample.Admin, Sample.At), state))
            .ThenNothing();

    [Fact]
    public void Renaming_a_cluster_to_a_blank_name_is_invalid() =>
        Given()
            .When(state => Cluster.Decide(new RenameCluster(Sample.ClusterId, "  ", Sample.Admin, Sample.At), state))
            .ThenInvalid("name", "Cluster name is required.");

    [Fact]
    public void Adding_a_school_records_it() =>
        Given()
            .When(state => Cluster.Decide(new AddSchoolToCluster(Sample.ClusterId, Sample.SchoolId, Sample.Admin, Sample.At), state))
            .Then(Added(Sample.SchoolId));

    [Fact]
    public void Adding_a_school_that_is_already_a_member_records_nothing() =>
        Given(Added(Sample.SchoolId))
            .When(state => Cluster.Decide(new AddSchoolToCluster(Sample.ClusterId, Sample.SchoolId, Sample.Admin, Sample.At), state))
            .ThenNothing();

    [Fact]
    public void Adding_a_school_without_an_id_is_invalid() =>
        Given()
            .When(state => Cluster.Decide(new AddSchoolToCluster(Sample.ClusterId, Guid.Empty, Sample.Admin, Sample.At), state))
            .ThenInvalid("schoolId", "School id is required.");

    [Fact]
    public void Removing_a_member_records_it() =>
        Given(Added(Sample.SchoolId), Added(Sample.OtherSchoolId))
            .When(state => Cluster.Decide(new RemoveSchoolFromCluster(Sample.ClusterId, Sample.SchoolId, Sample.Admin, Sample.At), state))
            .Then(new SchoolRemovedFromCluster(Sample.ClusterId, Sample.SchoolId, Sample.Admin, Sample.At));

    [Fact]
    public void Removing_a_school_that_is_not_a_member_is_refused() =>
        Given(Added(Sample.OtherSchoolId))
            .When(state => Cluster.Decide(new RemoveSchoolFromCluster(Sample.ClusterId, Sample.SchoolId, Sample.Admin, Sample.At), state))
            .ThenRefused($"School {Sample.SchoolId} is not a member of cluster 'North'.");

    [Fact]
    public void Membership_follows_additions_and_removals()
    {
        var cluster = DeciderSpec<ClusterState>.StateAfter(Sample.ClusterCreated(), Added(Sample.SchoolId), Added(Sample.OtherSchoolId),
            new SchoolRemovedFromCluster(Sample.ClusterId, Sample.SchoolId, Sample.Admin, Sample.At));

        Assert.Equal([Sample.OtherSchoolId], cluster.SchoolIds);
    }
}
