using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.AppHost;
using Portal.AppHost.Clients;
using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;

namespace Portal.Browser.Tests;

/// <summary>
/// One system and one Chromium for the class: an organisation whose District Administrator (set up by the operator,
/// password chosen from the invitation mail) requires two-factor authentication for all staff. Each test adds its
/// own member of staff, who has not enrolled yet.
/// </summary>
public sealed class BrowserSignInFixture : IAsyncLifetime
{
    public const string Password = "Correct-horse-battery-9";
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private readonly string _state = Path.Combine(RepositoryRoot.Find(), ".state", $"browser-{Environment.ProcessId}");
    private readonly Guid _organisation = Guid.NewGuid();
    private PortalSystem? _system;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _districtToken = "";

    public Uri Gateway => (_system ?? throw new InvalidOperationException("The system has not started.")).GatewayUrl;
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        _system = await PortalSystem.StartAsync(new PortalSystemOptions { StateDirectory = _state, GatewayPort = 0 }, timeout.Token);
        _playwright = await Playwright.CreateAsync();
        // Debian's chromium: Playwright never downloads a browser here. No sandbox, as tests run as root.
        _browser = await _playwright.Chromium.LaunchAsync(new() { Headless = true, ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"] });

        var bootstrap = BootstrapOperator.FromEnvironment();
        var operatorClient = Bearer((await HttpSignIn().SignInAsync(bootstrap.Email, bootstrap.Password)).AccessToken, _organisation);
        var districtEmail = $"district-{Guid.NewGuid():N}@seaview-trust.example";
        await Created(operatorClient.PostAsJsonAsync("/identity/staff", new
        {
            email = districtEmail, givenName = "Dana", familyName = "Reid", staffType = "DistrictAdministrator",
        }));
        await AcceptInvitationAsync(districtEmail);
        _districtToken = (await HttpSignIn().SignInAsync(districtEmail, Password)).AccessToken;
        var policy = await Bearer(_districtToken).PutAsJsonAsync("/identity/two-factor-policy", new { requiredForAllStaff = true });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
    }

    /// <summary>A teacher registered by the District Administrator, who has set a password and has no second factor yet.</summary>
    public async Task<string> NewStaffMemberAsync()
    {
        var email = $"{Guid.NewGuid():N}@seaview.sch.uk";
        await Created(Bearer(_districtToken).PostAsJsonAsync("/identity/staff", new
        {
            email, givenName = "Sam", familyName = "Okafor", staffType = "Teacher", institutions = new[] { Guid.NewGuid() },
        }));
        await AcceptInvitationAsync(email);
        return email;
    }

    /// <summary>The web app's sign-in by posting forms (no browser), for arranging and for redeeming codes.</summary>
    public PortalSignIn HttpSignIn() => new(CookieClient(), new Uri(Gateway, "/identity/"), BrowserSignIn.ClientId, BrowserSignIn.Callback(Gateway));

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_system is not null) await _system.DisposeAsync();
        StateFolder.Delete(_state);
    }

    async Task AcceptInvitationAsync(string email)
    {
        var link = await new PickupMailbox(Path.Combine(_state, "mail")).WaitForLinkAsync(email, "/account/setup", MailTimeout);
        await AccountSetup.SetPasswordAsync(CookieClient(), Gateway, link, Password);
    }

    static HttpClient CookieClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    HttpClient Bearer(string token, Guid? actingOn = null)
    {
        var client = new HttpClient { BaseAddress = Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (actingOn is { } org)
            client.DefaultRequestHeaders.Add("Portal-Organisation", org.ToString());
        return client;
    }

    static async Task Created(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"{(int)response.StatusCode} on {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
    }
}
