using System.Net.Http.Json;

namespace Portal.AppHost.DemoData;

/// <summary>
/// A multi-academy trust with three schools, a cluster, the UK term calendar, settings, and an approved
/// request for student logins. Fixed ids, so README examples work as written.
/// </summary>
public static class InstitutionDemoData
{
    public static readonly Guid Trust = Guid.Parse("5c6f0000-0000-4000-8000-000000000001");
    public static readonly Guid NorthfieldPrimary = Guid.Parse("5c6f0000-0000-4000-8000-000000000011");
    public static readonly Guid NorthfieldAcademy = Guid.Parse("5c6f0000-0000-4000-8000-000000000012");
    public static readonly Guid RiversidePrimary = Guid.Parse("5c6f0000-0000-4000-8000-000000000013");
    public static readonly Guid NorthCluster = Guid.Parse("5c6f0000-0000-4000-8000-000000000021");
    public static readonly Guid DistrictAdministrator = Guid.Parse("5c6f0000-0000-4000-8000-000000000101");

    public static async Task SeedAsync(DemoTokens tokens, CancellationToken ct)
    {
        var operatorClient = await tokens.OperatorAsync();
        await Send(operatorClient.PostAsJsonAsync("/institution/organisations",
            new { id = Trust, name = "Northfield Learning Trust", kind = "MultiAcademyTrust" }, ct));

        // The platform operator sets the trust up, acting on it by name.
        var admin = await tokens.OperatorAsync(actingOn: Trust);
        await Send(admin.PostAsJsonAsync($"/institution/organisations/{Trust}/institutions",
            new { id = NorthfieldPrimary, name = "Northfield Primary School", code = "140101", phase = "Primary" }, ct));
        await Send(admin.PostAsJsonAsync($"/institution/organisations/{Trust}/institutions",
            new { id = NorthfieldAcademy, name = "Northfield Academy", code = "140102", phase = "Secondary" }, ct));
        await Send(admin.PostAsJsonAsync($"/institution/organisations/{Trust}/institutions",
            new { id = RiversidePrimary, name = "Riverside Primary School", code = "140103", phase = "Primary" }, ct));

        await Send(admin.PostAsJsonAsync($"/institution/organisations/{Trust}/clusters", new { id = NorthCluster, name = "North cluster" }, ct));
        await Send(admin.PutAsync($"/institution/organisations/{Trust}/clusters/{NorthCluster}/members/{NorthfieldPrimary}", null, ct));
        await Send(admin.PutAsync($"/institution/organisations/{Trust}/clusters/{NorthCluster}/members/{NorthfieldAcademy}", null, ct));

        await Send(admin.PostAsJsonAsync($"/institution/organisations/{Trust}/terms/uk-default", new { academicYear = 2026 }, ct));
        await Send(admin.PutAsJsonAsync($"/institution/institutions/{NorthfieldAcademy}/settings/student-portal",
            new { visiblePages = new[] { "dashboard", "timetable", "homework", "forms" } }, ct));
        await Send(admin.PutAsJsonAsync($"/institution/institutions/{NorthfieldAcademy}/settings/student-information-number",
            new { required = true, minimumLength = 6, numericOnly = true }, ct));

        var raised = await Send(admin.PostAsJsonAsync($"/institution/institutions/{NorthfieldAcademy}/cases",
            new { yearGroups = new[] { "Y10", "Y11" }, note = "Years 10 and 11 this term" }, ct));
        var caseId = (await raised.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();
        await Send(admin.PostAsync($"/institution/cases/{caseId}/approve", null, ct));
    }

    /// <summary>The response, or a failure naming the request and the service's answer.</summary>
    internal static async Task<HttpResponseMessage> Send(Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"Seeding failed: {(int)response.StatusCode} on {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
