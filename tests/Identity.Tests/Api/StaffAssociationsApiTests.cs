using System.Net;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Identity.Tests.Api;

[Collection(StaffFeaturesApiCollection.Name)]
public sealed class StaffAssociationsApiTests(StaffFeaturesApi api)
{
    [Fact]
    public async Task The_effective_list_shows_where_each_school_comes_from()
    {
        var org = Guid.NewGuid();
        var ashdown = await api.School(org, "Ashdown Primary");
        var beacon = await api.School(org, "Beacon Academy");
        var clifton = await api.School(org, "Clifton High");
        var north = Guid.NewGuid();
        await api.Cluster(org, north, "North cluster", 1, beacon, clifton);
        var profile = await api.StaffAccount(org, "CustomerAdministrator");
        var district = api.District(org);

        await (await district.Post($"/staff/{profile}/associations", new { schoolId = ashdown })).ShouldBe(HttpStatusCode.OK);
        await (await district.Post($"/staff/{profile}/associations", new { clusterId = north })).ShouldBe(HttpStatusCode.OK);
        var response = await district.Post($"/staff/{profile}/associations", new { schoolId = beacon });

        var view = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        Assert.Equal(["Ashdown Primary: direct", "Beacon Academy: direct, cluster North cluster", "Clifton High: cluster North cluster"],
            Effective(view));
        var chosen = view.GetProperty("associations");
        Assert.Equal([ashdown, beacon], chosen.GetProperty("schools").EnumerateArray().Select(s => s.Id()));
        Assert.Equal(["North cluster"], chosen.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(chosen.GetProperty("allInstitutions").GetBoolean());

        await (await district.Post($"/staff/{profile}/associations", new { allInstitutions = true })).ShouldBe(HttpStatusCode.OK);
        var read = await (await district.GetAsync($"/staff/{profile}/associations")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Ashdown Primary: direct, all", "Beacon Academy: direct, cluster North cluster, all", "Clifton High: cluster North cluster, all"],
            Effective(read));
    }

    [Fact]
    public async Task Removing_a_school_there_only_through_a_cluster_is_refused_naming_the_cluster()
    {
        var org = Guid.NewGuid();
        var beacon = await api.School(org, "Beacon Academy");
        var clifton = await api.School(org, "Clifton High");
        var north = Guid.NewGuid();
        await api.Cluster(org, north, "North cluster", 1, beacon, clifton);
        var profile = await api.StaffAccount(org, "DistrictAdministrator");
        var customer = api.Customer(org);
        await (await customer.Post($"/staff/{profile}/associations", new { clusterId = north })).ShouldBe(HttpStatusCode.OK);
        await (await customer.Post($"/staff/{profile}/associations", new { schoolId = beacon })).ShouldBe(HttpStatusCode.OK);

        await (await customer.DeleteAsync($"/staff/{profile}/associations/schools/{clifton}"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "Clifton High is associated through the cluster 'North cluster'");

        // Beacon is there directly as well: removing the direct association leaves it there through the cluster.
        var afterRemoval = await (await customer.DeleteAsync($"/staff/{profile}/associations/schools/{beacon}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Beacon Academy: cluster North cluster", "Clifton High: cluster North cluster"], Effective(afterRemoval));
        var withoutCluster = await (await customer.DeleteAsync($"/staff/{profile}/associations/clusters/{north}")).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(Effective(withoutCluster));
    }

    [Fact]
    public async Task An_unknown_school_or_cluster_is_not_found_naming_its_id()
    {
        var org = Guid.NewGuid();
        var profile = await api.StaffAccount(org, "CustomerAdministrator");
        var elsewhere = await api.School(Guid.NewGuid(), "Another Trust's School");
        var unknownCluster = Guid.NewGuid();
        var district = api.District(org);

        await (await district.Post($"/staff/{profile}/associations", new { schoolId = elsewhere }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"School {elsewhere} is not known");
        await (await district.Post($"/staff/{profile}/associations", new { clusterId = unknownCluster }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Cluster {unknownCluster} is not known");
        await (await district.DeleteAsync($"/staff/{profile}/associations/schools/{elsewhere}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, elsewhere.ToString());
        await (await district.Post($"/staff/{profile}/associations", new { schoolId = elsewhere, allInstitutions = true }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "exactly one of schoolId, clusterId or allInstitutions");
    }

    [Fact]
    public async Task A_cluster_membership_change_from_institution_updates_the_effective_list()
    {
        var org = Guid.NewGuid();
        var ashdown = await api.School(org, "Ashdown Primary");
        var beacon = await api.School(org, "Beacon Academy");
        var clifton = await api.School(org, "Clifton High");
        var south = Guid.NewGuid();
        await api.Cluster(org, south, "South cluster", 1, ashdown, beacon);
        var profile = await api.StaffAccount(org, "CustomerAdministrator");
        var district = api.District(org);
        var before = await (await district.Post($"/staff/{profile}/associations", new { clusterId = south })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Ashdown Primary: cluster South cluster", "Beacon Academy: cluster South cluster"], Effective(before));

        await api.Cluster(org, south, "South schools", 2, beacon, clifton);
        var after = await (await district.GetAsync($"/staff/{profile}/associations")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Beacon Academy: cluster South schools", "Clifton High: cluster South schools"], Effective(after));

        // Version 1 delivered late changes nothing.
        await api.Cluster(org, south, "South cluster", 1, ashdown, beacon);
        var late = await (await district.GetAsync($"/staff/{profile}/associations")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(Effective(after), Effective(late));
    }

    [Fact]
    public async Task Another_organisations_staff_profile_is_not_found()
    {
        var org = Guid.NewGuid();
        var school = await api.School(org, "Ashdown Primary");
        var profile = await api.StaffAccount(org, "CustomerAdministrator");
        var stranger = api.District(Guid.NewGuid());

        await (await stranger.GetAsync($"/staff/{profile}/associations")).ShouldBeProblem(HttpStatusCode.NotFound, profile.ToString());
        await (await stranger.Post($"/staff/{profile}/associations", new { schoolId = school }))
            .ShouldBeProblem(HttpStatusCode.NotFound, profile.ToString());
        await (await stranger.DeleteAsync($"/staff/{profile}/associations/all")).ShouldBeProblem(HttpStatusCode.NotFound, profile.ToString());
    }

    [Fact]
    public async Task Only_organisation_level_profiles_are_associated_and_only_by_district_or_customer_administrators()
    {
        var org = Guid.NewGuid();
        var school = await api.School(org, "Ashdown Primary");
        var teacher = await api.StaffAccount(org, "Teacher", [school]);
        var profile = await api.StaffAccount(org, "CustomerAdministrator");

        await (await api.District(org).Post($"/staff/{teacher}/associations", new { schoolId = school }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "only organisation-level profiles");
        await (await api.Building(org, school).Post($"/staff/{profile}/associations", new { schoolId = school }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Associating staff with schools and clusters");
        // The same 403 for a profile that does not exist: the refusal says nothing about which accounts exist.
        foreach (var someone in new[] { profile, Guid.NewGuid() })
            await (await api.Teacher(org, school).GetAsync($"/staff/{someone}/associations"))
                .ShouldBeProblem(HttpStatusCode.Forbidden, "profile's owner");

        // The profile's owner reads their own list: where they may switch into.
        await (await api.District(org).Post($"/staff/{profile}/associations", new { schoolId = school })).ShouldBe(HttpStatusCode.OK);
        var own = await (await api.Customer(org, subject: profile).GetAsync($"/staff/{profile}/associations")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Ashdown Primary: direct"], Effective(own));
    }

    /// <summary>"School: source, source" per effective school, in the order the API gives them (by name).</summary>
    private static List<string> Effective(JsonElement view) =>
        view.GetProperty("effective").EnumerateArray().Select(school =>
            $"{school.GetProperty("name").GetString()}: " + string.Join(", ", school.GetProperty("sources").EnumerateArray().Select(source =>
                source.GetProperty("kind").GetString() switch
                {
                    "cluster" => $"cluster {source.GetProperty("clusterName").GetString()}",
                    var kind => kind,
                }))).ToList();
}
