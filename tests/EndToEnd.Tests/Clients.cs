using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Portal.AppHost;
using Portal.AppHost.Clients;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// People and machines as they reach the system: through the gateway only, signing in on Identity's login page
/// (code + PKCE), reading invitation emails from the development mail folder.
/// </summary>
public sealed class Clients(PortalSystemFixture fixture)
{
    public const string Password = "Staff-password-2026";

    public Uri Gateway => fixture.GatewayUrl;
    public Uri Identity => new(fixture.GatewayUrl, "/identity/");
    public Uri Callback => new(fixture.GatewayUrl, "/signin-callback");
    public PickupMailbox Mailbox => new(Path.Combine(PortalSystemFixture.StateDirectory(), "mail"));

    public static HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    public PortalSignIn WebApp(HttpClient? browser = null) => new(browser ?? Browser(), Identity, "portal-web", Callback);

    public HttpClient Bearer(string accessToken, Guid? actingOn = null)
    {
        var client = fixture.CreateGatewayClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (actingOn is { } org)
            client.DefaultRequestHeaders.Add("Portal-Organisation", org.ToString());
        return client;
    }

    public async Task<string> OperatorTokenAsync()
    {
        var bootstrap = BootstrapOperator.FromEnvironment();
        return (await WebApp().SignInAsync(bootstrap.Email, bootstrap.Password)).AccessToken;
    }

    /// <summary>
    /// The platform operator sets up a District Administrator in the organisation; they set their password from the
    /// invitation email. Answers the account id and email.
    /// </summary>
    public async Task<(Guid Id, string Email)> DistrictAdministratorAsync(Guid org, object[]? roles = null)
    {
        var email = $"dana.{Guid.NewGuid():N}@trust.example";
        var created = await Bearer(await OperatorTokenAsync(), org).PostAsJsonAsync("/identity/staff", new
        {
            email, givenName = "Dana", familyName = "Reid", staffType = "DistrictAdministrator", roles,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await AcceptInvitationAsync(email);
        return (id, email);
    }

    public async Task AcceptInvitationAsync(string email)
    {
        var link = await Mailbox.WaitForLinkAsync(email, "/account/setup", TimeSpan.FromSeconds(60));
        await AccountSetup.SetPasswordAsync(Browser(), Gateway, link, Password);
    }

    /// <summary>
    /// A new organisation (created by the platform operator) with a District Administrator signed in and one secondary
    /// school they registered, once Roster knows the school (so an MIS roll for it is accepted).
    /// </summary>
    public async Task<(Guid Org, Guid School, HttpClient Admin)> SchoolAsync(string trust, string school, string code)
    {
        var platform = Bearer(await OperatorTokenAsync());
        var created = await platform.PostAsJsonAsync("/institution/organisations", new { name = trust, kind = "MultiAcademyTrust" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var (_, email) = await DistrictAdministratorAsync(org);
        var admin = Bearer(await SignInAsync(email));
        var registered = await admin.PostAsJsonAsync($"/institution/organisations/{org}/institutions", new { name = school, code, phase = "Secondary" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await Waiting.Until(async () => (await admin.GetAsync($"/roster/institutions/{id}/students")).StatusCode == HttpStatusCode.OK,
            "Roster to learn the school");
        return (org, id, admin);
    }

    public async Task<string> SignInAsync(string email) => (await WebApp().SignInAsync(email, Password)).AccessToken;
}
