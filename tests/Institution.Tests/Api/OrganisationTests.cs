using Portal.Testing;
using System.Net;

namespace Portal.Institution.Tests.Api;

[Collection(InstitutionApiCollection.Name)]
public sealed class OrganisationTests(InstitutionApi api)
{
    [Fact]
    public async Task Operator_registers_an_organisation_that_its_staff_can_read()
    {
        var org = await Given.Organisation(api, "Riverside Local Authority");

        var read = await (await api.District(org).GetAsync($"/organisations/{org}")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Riverside Local Authority", read.GetProperty("name").GetString());
        Assert.Equal("MultiAcademyTrust", read.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Another_organisations_resource_answers_not_found()
    {
        var mine = await Given.Organisation(api);
        var theirs = await Given.Organisation(api, "Other Trust");
        var theirSchool = await Given.School(api, theirs);

        await (await api.District(mine).GetAsync($"/organisations/{theirs}")).ShouldBeProblem(HttpStatusCode.NotFound, "not found");
        await (await api.District(mine).GetAsync($"/institutions/{theirSchool}")).ShouldBeProblem(HttpStatusCode.NotFound, "not found");
        await (await api.District(mine).Put($"/institutions/{theirSchool}/settings/student-portal", new { visiblePages = new[] { "dashboard" } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task Staff_cannot_register_organisations()
    {
        var org = await Given.Organisation(api);

        var response = await api.District(org).Post("/organisations", new { name = "Rogue Trust", kind = "District" });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "platform operator");
    }

    [Fact]
    public async Task Health_reports_ready_only_with_postgres_and_the_bus_checked()
    {
        var health = await (await api.Anonymous().GetAsync("/health")).ShouldBe(HttpStatusCode.OK);

        var checks = health.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Contains("postgres", checks);
        Assert.Contains(checks, name => name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused_with_a_problem()
    {
        var response = await api.Anonymous().GetAsync("/organisations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_invalid_body_lists_the_fields_at_fault()
    {
        var response = await api.Operator().Post("/organisations", new { name = "  ", kind = "District" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "name");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_with_precondition_failed()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);
        var read = await api.District(org).GetAsync($"/institutions/{school}");
        var etag = read.Headers.ETag!.Tag;
        await (await api.District(org).Put($"/institutions/{school}", new { name = "Renamed once", code = "111111", phase = "Primary" }))
            .ShouldBe(HttpStatusCode.OK);

        var stale = api.District(org);
        stale.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", etag);
        var response = await stale.Put($"/institutions/{school}", new { name = "Renamed twice", code = "111111", phase = "Primary" });

        await response.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "has changed");
    }
}
