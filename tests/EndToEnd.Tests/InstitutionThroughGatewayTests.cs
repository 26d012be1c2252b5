using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.DemoData;

namespace Portal.EndToEnd.Tests;

/// <summary>Institution driven only through the gateway, with tokens from Identity's login page.</summary>
[Collection(PortalSystemCollection.Name)]
public sealed class InstitutionThroughGatewayTests(PortalSystemFixture fixture)
{
    private readonly Clients clients = new(fixture);

    private async Task<HttpClient> Operator() => clients.Bearer(await clients.OperatorTokenAsync());

    /// <summary>A District Administrator of the organisation, signed in through Identity's login page.</summary>
    private async Task<HttpClient> District(Guid org)
    {
        var (_, email) = await clients.DistrictAdministratorAsync(org);
        return clients.Bearer(await clients.SignInAsync(email));
    }

    [Fact]
    public async Task A_trust_registers_a_school_requests_student_logins_and_the_operator_approves()
    {
        var operatorClient = await Operator();
        var created = await operatorClient.PostAsJsonAsync("/institution/organisations", new { name = "Seaview Trust", kind = "MultiAcademyTrust" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var admin = await District(org);

        var school = await admin.PostAsJsonAsync($"/institution/organisations/{org}/institutions", new { name = "Seaview High", code = "150001", phase = "Secondary" });
        Assert.Equal(HttpStatusCode.Created, school.StatusCode);
        Assert.StartsWith("/institution/institutions/", school.Headers.Location?.OriginalString);
        var schoolId = (await school.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var raised = await admin.PostAsJsonAsync($"/institution/institutions/{schoolId}/cases", new { yearGroups = new[] { "Y10" } });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var caseId = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        operatorClient.DefaultRequestHeaders.Add("Portal-Organisation", org.ToString());
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsync($"/institution/cases/{caseId}/approve", null)).StatusCode);

        var settings = await admin.GetFromJsonAsync<JsonElement>($"/institution/institutions/{schoolId}/settings");
        Assert.True(settings.GetProperty("studentLogins").GetProperty("enabled").GetBoolean());
        Assert.Equal("Y10", settings.GetProperty("studentLogins").GetProperty("yearGroups")[0].GetString());
    }

    [Fact]
    public async Task The_demo_organisation_seeds_and_is_readable_through_the_gateway()
    {
        await DemoData.SeedAsync(fixture.GatewayUrl, fixture.System.RabbitMqUri, PortalSystemFixture.StateDirectory(), CancellationToken.None);
        var admin = clients.Bearer((await clients.WebApp().SignInAsync(IdentityDemoData.DistrictAdministratorEmail, IdentityDemoData.DemoPassword)).AccessToken);

        var schools = await admin.GetFromJsonAsync<JsonElement>($"/institution/organisations/{InstitutionDemoData.Trust}/institutions");
        var terms = await admin.GetFromJsonAsync<JsonElement>($"/institution/organisations/{InstitutionDemoData.Trust}/terms");
        var members = await admin.GetFromJsonAsync<JsonElement>($"/institution/organisations/{InstitutionDemoData.Trust}/clusters/{InstitutionDemoData.NorthCluster}/members");

        Assert.Equal(3, schools.GetArrayLength());
        Assert.Equal(3, terms.GetArrayLength());
        Assert.Equal(2, members.GetArrayLength());

        // Identity's part: the teacher signs in, and the trust administrator reaches the North cluster's schools.
        var teacher = await clients.WebApp().SignInAsync(IdentityDemoData.TeacherEmail, IdentityDemoData.DemoPassword);
        Assert.False(string.IsNullOrEmpty(teacher.AccessToken));
        var associations = await admin.GetFromJsonAsync<JsonElement>($"/identity/staff/{InstitutionDemoData.DistrictAdministrator}/associations");
        var effective = associations.GetProperty("effective").EnumerateArray().Select(e => e.GetProperty("schoolId").GetGuid()).ToHashSet();
        Assert.Equal(new HashSet<Guid> { InstitutionDemoData.NorthfieldPrimary, InstitutionDemoData.NorthfieldAcademy }, effective);

        // Roster's part: the MIS roll arrived; the teacher sees only the students of the classes the MIS gave them.
        var roll = await admin.GetFromJsonAsync<JsonElement>($"/roster/institutions/{InstitutionDemoData.NorthfieldAcademy}/students");
        Assert.Equal(RosterDemoData.Students, roll.GetArrayLength());
        var sam = clients.Bearer(teacher.AccessToken);
        var yearSeven = roll.EnumerateArray().First(s => s.GetProperty("yearGroup").GetString() == "Y7").GetProperty("id").GetGuid();
        var samsStudents = await Eventually(async () =>
        {
            var list = await sam.GetFromJsonAsync<JsonElement>($"/roster/institutions/{InstitutionDemoData.NorthfieldAcademy}/students");
            return list.GetArrayLength() == 11 ? list : (JsonElement?)null;
        });
        Assert.All(samsStudents.EnumerateArray(), s => Assert.Contains(s.GetProperty("yearGroup").GetString(), new[] { "Y10", "Y11" }));
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/roster/students/{yearSeven}")).StatusCode);

        // AccessCode's part: Year 10 has codes from one bulk request, and Grace Okoye is paired with Amara.
        var grace = clients.Bearer((await clients.WebApp().SignInAsync(AccessCodeDemoData.GuardianEmail, IdentityDemoData.DemoPassword)).AccessToken);
        var children = await grace.GetFromJsonAsync<JsonElement>("/access-codes/me/students");
        Assert.Equal("Amara Okoye", children.EnumerateArray().Single().GetProperty("studentName").GetString());
        var yearTen = roll.EnumerateArray().Where(s => s.GetProperty("yearGroup").GetString() == "Y10").ToList();
        Assert.NotEmpty(yearTen);
        foreach (var student in yearTen)
            Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/access-codes/students/{student.GetProperty("id").GetGuid()}"))
                .GetProperty("enabled").GetBoolean());
    }

    /// <summary>Teachers named by email in the roll are assigned once Identity has told Roster their account; that may trail the roll.</summary>
    static async Task<JsonElement> Eventually(Func<Task<JsonElement?>> attempt)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await attempt() is { } found) return found;
            await Task.Delay(500);
        }
        throw new TimeoutException("The teacher's students did not appear within 30 s.");
    }

    [Fact]
    public async Task Another_organisations_school_answers_not_found_through_the_gateway()
    {
        var operatorClient = await Operator();
        var created = await operatorClient.PostAsJsonAsync("/institution/organisations", new { name = "Hilltop Trust", kind = "District" });
        var org = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var school = await (await District(org)).PostAsJsonAsync($"/institution/organisations/{org}/institutions", new { name = "Hilltop", code = "160001", phase = "Primary" });
        var schoolId = (await school.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stranger = await District(Guid.NewGuid());

        var response = await stranger.GetAsync($"/institution/institutions/{schoolId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_docs_page_lists_institution_and_its_openapi_document_is_served()
    {
        using var gateway = fixture.CreateGatewayClient();

        var services = await gateway.GetFromJsonAsync<JsonElement>("/docs/services");
        var openApi = await gateway.GetFromJsonAsync<JsonElement>("/institution/openapi/v1.json");

        Assert.Contains("institution", services.GetRawText());
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/organisations/{org}/institutions", out _));
    }
}
