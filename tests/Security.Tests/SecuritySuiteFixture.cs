using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.EndToEnd.Tests;

namespace Portal.Security.Tests;

/// <summary>
/// The whole system (started as the end-to-end tests start it), its operations read from the OpenAPI documents, and two
/// organisations: A, whose District Administrator creates one of each kind of resource, and B, whose District
/// Administrator tries to reach them.
/// </summary>
public sealed class SecuritySuiteFixture : IAsyncLifetime
{
    public PortalSystemFixture System { get; } = new();
    public Clients Clients { get; private set; } = null!;
    public IReadOnlyList<ApiOperation> Operations { get; private set; } = [];
    public string OrganisationAToken { get; private set; } = "";
    public string OrganisationBToken { get; private set; } = "";
    public SystemSigningKey SigningKey { get; private set; } = null!;

    /// <summary>Ids of organisation A's resources by the route parameter that names them (see <see cref="RouteIds"/>).</summary>
    public Dictionary<string, string> OrganisationA { get; } = [];

    /// <summary>How long each part of the setup took, for the report.</summary>
    public string Timings { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await System.InitializeAsync();
        var started = clock.Elapsed;
        Clients = new Clients(System);
        using var gateway = System.CreateGatewayClient();
        Operations = await ApiOperations.DiscoverAsync(gateway);
        SigningKey = await SystemSigningKey.ReadAsync(System.System.DatabaseConnectionString("identity"));

        var organisationA = Clients.SchoolAsync("Security Trust A", "Security Academy A", "SECA");
        var organisationB = Clients.SchoolAsync("Security Trust B", "Security Academy B", "SECB");
        var (orgA, schoolA, adminA) = await organisationA;
        var (_, _, adminB) = await organisationB;
        OrganisationAToken = adminA.DefaultRequestHeaders.Authorization!.Parameter!;
        OrganisationBToken = adminB.DefaultRequestHeaders.Authorization!.Parameter!;
        await CreateOrganisationAResourcesAsync(adminA, orgA, schoolA);
        Timings = $"setup: system started in {started.TotalSeconds:F0} s, organisations and resources ready after {clock.Elapsed.TotalSeconds:F0} s";
    }

    public async Task DisposeAsync() => await System.DisposeAsync();

    private async Task CreateOrganisationAResourcesAsync(HttpClient admin, Guid org, Guid school)
    {
        OrganisationA["org"] = org.ToString();
        OrganisationA["school"] = OrganisationA["schoolId"] = school.ToString();
        OrganisationA["class"] = await CreateAsync(admin, $"/roster/institutions/{school}/classes", new { name = "7S", subject = "Science" });
        OrganisationA["student"] = OrganisationA["accountId"] = await CreateAsync(admin, $"/roster/institutions/{school}/students",
            new { givenName = "Sam", familyName = "Probe", yearGroup = "Y7", classIds = new[] { OrganisationA["class"] } });
        OrganisationA["cluster"] = await CreateAsync(admin, $"/institution/organisations/{org}/clusters", new { name = "North" });
        OrganisationA["form"] = await CreateAsync(admin, $"/roster/institutions/{school}/forms", new
        {
            title = "Trip",
            questions = new[] { new { id = "lunch", type = "SingleChoice", prompt = "Lunch", required = true, options = new[] { "Packed", "Hot" } } },
        });
        OrganisationA["case"] = await CreateAsync(admin, $"/institution/institutions/{school}/cases", new { yearGroups = new[] { "Y7" } });
        OrganisationA["yearGroup"] = "Y7";
        var year = DateTime.UtcNow.Year;
        var terms = await admin.PostAsJsonAsync($"/institution/organisations/{org}/terms/uk-default", new { academicYear = year });
        Assert.True(terms.IsSuccessStatusCode, $"UK default terms: {(int)terms.StatusCode} {await terms.Content.ReadAsStringAsync()}");
        OrganisationA["termId"] = OrganisationA["term"] = $"{year}-autumn";
        // A's District Administrator is a member of staff (and may be named as a teacher); their account id is the token's subject.
        OrganisationA["staff"] = OrganisationA["teacher"] = new ForgedTokens(OrganisationAToken, SigningKey).Claims["sub"]!.GetValue<string>();
    }

    private static async Task<string> CreateAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class SecuritySuiteCollection : ICollectionFixture<SecuritySuiteFixture>
{
    public const string Name = "Security suite";
}
