using Portal.Testing;
using System.Net;
using Portal.Institution.Contracts;

namespace Portal.Institution.Tests.Api;

[Collection(InstitutionApiCollection.Name)]
public sealed class ClusterTests(InstitutionApi api)
{
    [Fact]
    public async Task Schools_join_and_leave_a_cluster_and_each_membership_is_published()
    {
        var org = await Given.Organisation(api);
        var north = await Given.School(api, org, "North");
        var south = await Given.School(api, org, "South");
        var district = api.District(org);
        var cluster = (await (await district.Post($"/organisations/{org}/clusters", new { name = "Coastal cluster" })).ShouldBe(HttpStatusCode.Created)).Id();

        await (await district.PutAsync($"/organisations/{org}/clusters/{cluster}/members/{north}", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await district.PutAsync($"/organisations/{org}/clusters/{cluster}/members/{south}", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await district.DeleteAsync($"/organisations/{org}/clusters/{cluster}/members/{north}")).ShouldBe(HttpStatusCode.NoContent);

        var members = await (await district.GetAsync($"/organisations/{org}/clusters/{cluster}/members")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([south], members.EnumerateArray().Select(m => m.Id()).ToArray());
        var last = await api.Published.WaitFor<ClusterMembershipChanged>(m => m.ClusterId == cluster && m.Version == 4);
        Assert.Equal([south], last.InstitutionIds);
    }

    [Fact]
    public async Task A_school_of_another_organisation_cannot_join()
    {
        var org = await Given.Organisation(api);
        var other = await Given.Organisation(api, "Other Trust");
        var foreignSchool = await Given.School(api, other);
        var district = api.District(org);
        var cluster = (await (await district.Post($"/organisations/{org}/clusters", new { name = "Mixed" })).ShouldBe(HttpStatusCode.Created)).Id();

        var response = await district.PutAsync($"/organisations/{org}/clusters/{cluster}/members/{foreignSchool}", null);

        await response.ShouldBeProblem(HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task Building_administrators_cannot_manage_school_groups()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        var response = await api.Building(org, school).Post($"/organisations/{org}/clusters", new { name = "Mine" });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "Managing school groups");
    }
}
