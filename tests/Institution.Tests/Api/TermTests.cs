using Portal.Testing;
using System.Net;
using Portal.Institution.Contracts;

namespace Portal.Institution.Tests.Api;

[Collection(InstitutionApiCollection.Name)]
public sealed class TermTests(InstitutionApi api)
{
    [Fact]
    public async Task The_uk_default_calendar_is_applied_and_published()
    {
        var org = await Given.Organisation(api);

        var terms = await (await api.District(org).Post($"/organisations/{org}/terms/uk-default", new { academicYear = 2026 })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(new[] { "2026-autumn", "2027-spring", "2027-summer" }, terms.EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToArray());
        var published = await api.Published.WaitFor<TermCalendarSet>(m => m.OrganisationId == org && m.Terms.Count == 3);
        Assert.Equal("2026-autumn", published.Terms[0].TermId);
    }

    [Fact]
    public async Task An_overlapping_term_is_refused_naming_the_other_term()
    {
        var org = await Given.Organisation(api);
        var district = api.District(org);
        await (await district.Put($"/organisations/{org}/terms/2026-autumn", new { name = "Autumn 2026", start = "2026-09-01", end = "2026-12-18" }))
            .ShouldBe(HttpStatusCode.OK);

        var response = await district.Put($"/organisations/{org}/terms/2026-winter", new { name = "Winter 2026", start = "2026-12-01", end = "2027-01-31" });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "overlaps 'Autumn 2026'");
    }

    [Fact]
    public async Task Teachers_cannot_change_the_term_calendar()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        var response = await api.Teacher(org, school).Put($"/organisations/{org}/terms/2026-autumn", new { name = "Autumn 2026", start = "2026-09-01", end = "2026-12-18" });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "term calendar");
    }
}
