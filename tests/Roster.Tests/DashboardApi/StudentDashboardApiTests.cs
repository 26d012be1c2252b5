using System.Net;
using System.Text.Json;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.DashboardApi;

/// <summary>A student sees their own profile, and of their own data only the pages their school made visible.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class StudentDashboardApiTests
{
    private readonly RosterApi api;
    private readonly Given given;
    private readonly PortalSchool portal;

    public StudentDashboardApiTests(RosterApi api)
    {
        this.api = api;
        given = new Given(api);
        portal = new PortalSchool(api, given);
    }

    private async Task<JsonElement> Dashboard(Guid school, Guid student) =>
        await (await api.Student(given.Org, school, student).GetAsync("/me/dashboard")).ShouldBe(HttpStatusCode.OK);

    private static string[] Sections(JsonElement dashboard) => dashboard.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public async Task Before_the_school_sets_its_pages_a_student_sees_only_their_profile()
    {
        var school = await given.School("Northfield Academy");
        var student = await given.Student(school, yearGroup: "Y10", givenName: "Ada", familyName: "Lovelace", email: "ada@northfield.example");

        var dashboard = await Dashboard(school, student);

        Assert.Equal(["student", "visiblePages", "links"], Sections(dashboard));
        var me = dashboard.GetProperty("student");
        Assert.Equal((student, "Ada", "Lovelace", "Y10", "Year 10", school, "Northfield Academy"),
            (me.GetProperty("id").GetGuid(), me.GetProperty("givenName").GetString(), me.GetProperty("familyName").GetString(),
                me.GetProperty("yearGroup").GetString(), me.GetProperty("yearGroupName").GetString(), me.GetProperty("schoolId").GetGuid(),
                me.GetProperty("schoolName").GetString()));
        Assert.DoesNotContain(me.EnumerateObject(), p => p.Name is "misId" or "email" or "studentInformationNumber");
        Assert.Equal(0, dashboard.GetProperty("visiblePages").GetArrayLength());
        Assert.Empty(dashboard.GetProperty("links").EnumerateObject());
    }

    [Fact]
    public async Task A_student_sees_only_the_pages_the_school_made_visible()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await portal.Shows(school, version: 2, "dashboard", "timetable", "forms", "attendance");

        var dashboard = await Dashboard(school, student);

        Assert.Equal(["dashboard", "timetable", "forms", "attendance"], dashboard.GetProperty("visiblePages").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["student", "visiblePages", "timetable", "forms", "links", "attendance"], Sections(dashboard));
        Assert.Equal(0, dashboard.GetProperty("timetable").GetArrayLength());
        Assert.Equal(0, dashboard.GetProperty("forms").GetArrayLength());
        Assert.Equal(0, dashboard.GetProperty("attendance").GetArrayLength());
        var link = Assert.Single(dashboard.GetProperty("links").EnumerateObject());
        Assert.Equal(("forms", "/me/forms"), (link.Name, link.Value.GetString()));
    }

    [Fact]
    public async Task The_forms_section_lists_the_students_own_assigned_forms_with_their_status()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var classmate = await given.Student(school);
        await portal.Shows(school, version: 1, "forms");
        var district = api.District(given.Org);
        var mine = await FormsApi.TripForm.Create(district, school, FormsApi.TripForm.WithoutGuardianQuestions, "Trip to the lakes");
        var theirs = await FormsApi.TripForm.Create(district, school, FormsApi.TripForm.WithoutGuardianQuestions, "Choir consent");
        await FormsApi.TripForm.Assign(district, mine, new { studentId = student });
        await FormsApi.TripForm.Assign(district, theirs, new { studentId = classmate });

        var forms = (await Dashboard(school, student)).GetProperty("forms");

        var form = Assert.Single(forms.EnumerateArray());
        Assert.Equal((mine, "Trip to the lakes", "NotStarted"),
            (form.GetProperty("id").GetGuid(), form.GetProperty("title").GetString(), form.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Behind_the_gateway_the_forms_link_carries_its_prefix()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await portal.Shows(school, version: 1, "forms");
        var client = api.Student(given.Org, school, student);
        client.DefaultRequestHeaders.Add("X-Forwarded-Prefix", "/roster");

        var dashboard = await (await client.GetAsync("/me/dashboard")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("/roster/me/forms", dashboard.GetProperty("links").GetProperty("forms").GetString());
    }

    [Fact]
    public async Task Hiding_a_page_removes_its_section()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await (await api.District(given.Org).Put($"/students/{student}/products", new { productIds = new[] { "maths-practice" } }))
            .ShouldBe(HttpStatusCode.OK);
        await portal.Shows(school, version: 2, "dashboard", "timetable", "homework", "forms", "products", "attendance", "behaviour", "reports", "messages");
        Assert.Equal(["student", "visiblePages", "timetable", "homework", "products", "forms", "links", "attendance", "behaviour", "reports", "messages"],
            Sections(await Dashboard(school, student)));

        await portal.Shows(school, version: 3, "dashboard", "homework", "behaviour");

        var dashboard = await Dashboard(school, student);
        Assert.Equal(["student", "visiblePages", "homework", "links", "behaviour"], Sections(dashboard));
        Assert.Empty(dashboard.GetProperty("links").EnumerateObject());
    }

    [Fact]
    public async Task A_late_older_visibility_message_changes_nothing()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await portal.Shows(school, version: 5, "timetable");

        await portal.Shows(school, version: 4, "homework", "products");
        await portal.Shows(school, version: 5, "homework");

        var dashboard = await Dashboard(school, student);
        Assert.Equal(["timetable"], dashboard.GetProperty("visiblePages").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["student", "visiblePages", "timetable", "links"], Sections(dashboard));
    }

    [Fact]
    public async Task Each_school_of_the_organisation_keeps_its_own_pages()
    {
        var (north, south) = (await given.School("Northfield Academy"), await given.School("Southfield Primary"));
        var (ada, ben) = (await given.Student(north), await given.Student(south));

        await portal.Shows(north, version: 2, "homework");
        await portal.Shows(south, version: 7, "products");

        Assert.Equal(["student", "visiblePages", "homework", "links"], Sections(await Dashboard(north, ada)));
        Assert.Equal(["student", "visiblePages", "products", "links"], Sections(await Dashboard(south, ben)));
    }

    [Fact]
    public async Task Products_are_the_students_own_as_the_catalogue_describes_them()
    {
        var school = await given.School();
        var (ada, ben) = (await given.Student(school), await given.Student(school));
        var district = api.District(given.Org);
        await (await district.Put($"/students/{ada}/products", new { productIds = new[] { "maths-practice", "spelling-bee" } })).ShouldBe(HttpStatusCode.OK);
        await (await district.Put($"/students/{ben}/products", new { productIds = new[] { "science-lab" } })).ShouldBe(HttpStatusCode.OK);
        await portal.Shows(school, version: 1, "products");

        var products = (await Dashboard(school, ada)).GetProperty("products").EnumerateArray().ToArray();

        Assert.Equal(["maths-practice", "spelling-bee"], products.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(("Maths Practice", "https://apps.portal.localhost/maths-practice"),
            (products[0].GetProperty("name").GetString(), products[0].GetProperty("url").GetString()));
    }

    [Fact]
    public async Task The_dashboard_is_described_in_the_OpenAPI_document()
    {
        var document = await (await api.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

        var operation = document.GetProperty("paths").GetProperty("/me/dashboard").GetProperty("get");
        Assert.Contains("Until the school has set its visible pages, only the profile is shown", operation.GetProperty("description").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
    }
}
