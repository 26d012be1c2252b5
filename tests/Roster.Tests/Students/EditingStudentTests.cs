using System.Net;
using Portal.Roster.Contracts;
using Portal.Roster.Schools;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.StudentsApi;

[Collection(RosterApiCollection.Name)]
public sealed class EditingStudentTests(RosterApi api)
{
    [Fact]
    public async Task An_edit_records_names_year_group_by_name_email_and_number_and_is_published()
    {
        var given = new Given(api);
        var school = await given.School(rules: new StudentRosterRules(false, false, 6, true));
        var student = await given.Student(school);

        var response = await api.Building(given.Org, school).Put($"/students/{student}", new
        {
            givenName = " Augusta ", familyName = "King", yearGroup = "Year 8", email = "Augusta.King@Northfield.example",
            studentInformationNumber = "100200",
        });

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"4\"", response.Headers.ETag?.Tag);
        Assert.Equal("Augusta", body.GetProperty("givenName").GetString());
        Assert.Equal("Y8", body.GetProperty("yearGroup").GetString());
        Assert.Equal("augusta.king@northfield.example", body.GetProperty("email").GetString());
        Assert.Equal("100200", body.GetProperty("studentInformationNumber").GetString());
        var published = await api.Bus.WaitFor<RosterStudentChanged>(m => m.StudentId == student && m.Version == 4);
        Assert.Equal(("Augusta", "King", "Y8"), (published.GivenName, published.FamilyName, published.YearGroup));
    }

    [Fact]
    public async Task A_number_breaking_the_schools_rules_is_refused_naming_the_rule()
    {
        var given = new Given(api);
        var school = await given.School(rules: new StudentRosterRules(false, true, 6, true));
        var student = await given.Student(school);

        var response = await api.District(given.Org).Put($"/students/{student}",
            new { givenName = "Ada", familyName = "Lovelace", yearGroup = "Y7", studentInformationNumber = "12AB" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "at least 6 characters ('12AB' has 4)");
        Assert.True(problem.GetProperty("errors").TryGetProperty("studentInformationNumber", out _));
    }

    [Fact]
    public async Task A_number_is_unique_within_the_school_but_not_across_schools()
    {
        var given = new Given(api);
        var north = await given.School("Northfield Academy");
        var south = await given.School("Southfield Academy");
        var first = await given.Student(north);
        var second = await given.Student(north);
        var elsewhere = await given.Student(south);
        var district = api.District(given.Org);
        object Edit(string number) => new { givenName = "Ada", familyName = "Lovelace", yearGroup = "Y7", studentInformationNumber = number };
        await (await district.Put($"/students/{first}", Edit("100200"))).ShouldBe(HttpStatusCode.OK);

        await (await district.Put($"/students/{second}", Edit("100200")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "Student information number '100200' is already used by another student of Northfield Academy.");
        await (await district.Put($"/students/{elsewhere}", Edit("100200"))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_year_group_the_school_does_not_have_is_refused()
    {
        var given = new Given(api);
        var school = await given.School();
        var student = await given.Student(school);

        var response = await api.Customer(given.Org).Put($"/students/{student}", new { givenName = "Ada", familyName = "Lovelace", yearGroup = "Year 15" });

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "Year group 'Year 15' is not one of Northfield Academy's year groups");
    }

    [Fact]
    public async Task An_edit_naming_an_older_version_in_if_match_is_refused_and_the_current_one_accepted()
    {
        var given = new Given(api);
        var school = await given.School();
        var student = await given.Student(school);
        var admin = api.Building(given.Org, school);
        var etag = (await admin.GetAsync($"/students/{student}")).Headers.ETag!.Tag;
        await (await admin.Put($"/students/{student}", new { givenName = "Augusta", familyName = "Lovelace", yearGroup = "Y7" })).ShouldBe(HttpStatusCode.OK);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/students/{student}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { givenName = "Ada", familyName = "King", yearGroup = "Y7" }),
            Headers = { { "If-Match", etag } },
        };
        await (await admin.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "has changed since");

        var current = (await admin.GetAsync($"/students/{student}")).Headers.ETag!.Tag;
        var fresh = new HttpRequestMessage(HttpMethod.Put, $"/students/{student}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { givenName = "Ada", familyName = "King", yearGroup = "Y7" }),
            Headers = { { "If-Match", current } },
        };
        var body = await (await admin.SendAsync(fresh)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("King", body.GetProperty("familyName").GetString());
    }
}
