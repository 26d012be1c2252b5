using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Portal.AppHost.Clients;

namespace Portal.EndToEnd.Tests;

/// <summary>Identity as clients meet it through the gateway: web sign-in, machine clients, switching into schools.</summary>
[Collection(PortalSystemCollection.Name)]
public sealed class IdentityThroughGatewayTests(PortalSystemFixture fixture)
{
    private readonly Clients clients = new(fixture);

    [Fact]
    public async Task A_web_client_signs_in_and_its_token_is_accepted_by_institution_but_not_for_another_organisation()
    {
        var operatorClient = clients.Bearer(await clients.OperatorTokenAsync());
        var orgA = await Organisation(operatorClient, "Brookside Trust");
        var orgB = await Organisation(operatorClient, "Oakfield Trust");
        var (_, email) = await clients.DistrictAdministratorAsync(orgA);

        var tokens = await clients.WebApp().SignInAsync(email, Clients.Password);

        var token = new JsonWebToken(tokens.AccessToken);
        Assert.Equal(fixture.GatewayUrl.Port, new Uri(token.Issuer).Port);
        Assert.Equal(HttpStatusCode.OK, (await clients.Bearer(tokens.AccessToken).GetAsync($"/institution/organisations/{orgA}")).StatusCode);
        var other = await clients.Bearer(tokens.AccessToken).GetAsync($"/institution/organisations/{orgB}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Refresh_fails_through_the_gateway_once_the_account_is_deactivated()
    {
        var operatorToken = await clients.OperatorTokenAsync();
        var org = await Organisation(clients.Bearer(operatorToken), "Millbrook Trust");
        var (_, districtEmail) = await clients.DistrictAdministratorAsync(org);
        var district = clients.Bearer(await clients.SignInAsync(districtEmail));
        var teacherEmail = $"teacher.{Guid.NewGuid():N}@trust.example";
        var school = Guid.NewGuid();
        var created = await district.PostAsJsonAsync("/identity/staff", new
        {
            email = teacherEmail, givenName = "Lee", familyName = "Ng", staffType = "Teacher", institutions = new[] { school },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var teacherId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await clients.AcceptInvitationAsync(teacherEmail);
        var app = clients.WebApp();
        var tokens = await app.SignInAsync(teacherEmail, Clients.Password);

        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync($"/identity/staff/{teacherId}/deactivate", null)).StatusCode);

        var refused = await Assert.ThrowsAsync<SignInFailed>(() => app.RefreshAsync(tokens.RefreshToken!));
        Assert.Contains("The account is no longer active.", refused.Message);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var org = await Organisation(clients.Bearer(await clients.OperatorTokenAsync()), "Fernhill Trust");
        var (_, email) = await clients.DistrictAdministratorAsync(org);

        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<SignInFailed>(() => clients.WebApp().SignInAsync(email, $"Wrong-password-{i}-abc"));

        var locked = await Assert.ThrowsAsync<SignInFailed>(() => clients.WebApp().SignInAsync(email, Clients.Password));
        Assert.Contains("The email or password is incorrect.", locked.Message);
    }

    [Fact]
    public async Task A_machine_client_registered_by_the_operator_gets_a_token_with_client_credentials()
    {
        var operatorClient = clients.Bearer(await clients.OperatorTokenAsync());
        var registered = await operatorClient.PostAsJsonAsync("/identity/clients", new { displayName = "Finance", scopes = new[] { "billing-read" } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();

        var tokens = await PortalSignIn.ClientCredentialsAsync(fixture.CreateGatewayClient(), clients.Identity,
            body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!, "billing-read");

        var token = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("client", token.GetClaim("kind").Value);
        Assert.Equal(["portal-billing"], token.Audiences);
    }

    [Fact]
    public async Task A_trust_administrator_switches_into_an_associated_school_and_is_refused_for_another()
    {
        var operatorClient = clients.Bearer(await clients.OperatorTokenAsync());
        var org = await Organisation(operatorClient, "Kingsmead Trust");
        var schools = clients.Bearer(await clients.OperatorTokenAsync(), org);
        var associated = await School(schools, org, "Kingsmead Academy", "170001");
        var other = await School(schools, org, "Kingsmead Primary", "170002");
        var (id, email) = await clients.DistrictAdministratorAsync(org,
            [new { name = "MIS access", permissions = new[] { "Login to MIS: Associated institutions" } }]);
        var app = clients.WebApp();
        var trust = await app.SignInAsync(email, Clients.Password);
        var district = clients.Bearer(trust.AccessToken);
        // Identity learns the schools from Institution's messages.
        await Eventually(() => district.PostAsJsonAsync($"/identity/staff/{id}/associations", new { schoolId = associated }));

        var inSchool = await app.SwitchIntoSchoolAsync(trust.AccessToken, associated);

        var token = new JsonWebToken(inSchool.AccessToken);
        Assert.Equal(associated.ToString(), token.GetClaim("institution").Value);
        Assert.Equal(HttpStatusCode.OK, (await clients.Bearer(inSchool.AccessToken).GetAsync($"/institution/institutions/{associated}")).StatusCode);
        var history = await district.GetFromJsonAsync<JsonElement>($"/identity/login-history/institutions/{associated}");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("externalAdministrator").GetBoolean());
        var refused = await Assert.ThrowsAsync<SignInFailed>(() => app.SwitchIntoSchoolAsync(trust.AccessToken, other));
        Assert.Contains("You are not associated with that school.", refused.Message);
    }

    private static async Task<Guid> Organisation(HttpClient operatorClient, string name)
    {
        var created = await operatorClient.PostAsJsonAsync("/institution/organisations", new { name, kind = "MultiAcademyTrust" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> School(HttpClient client, Guid org, string name, string code)
    {
        var created = await client.PostAsJsonAsync($"/institution/organisations/{org}/institutions", new { name, code = $"{code}{Random.Shared.Next(100, 999)}", phase = "Secondary" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Eventually(Func<Task<HttpResponseMessage>> request)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await request();
            if (response.IsSuccessStatusCode)
                return;
            if (attempt == 60)
                Assert.Fail($"Still {(int)response.StatusCode} after {attempt} tries: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(250);
        }
    }
}
