using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portal.AppHost;
using Portal.Bench;
using Portal.AppHost.Clients;
using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;

namespace Portal.Identity.Bench;

/// <summary>
/// The whole system started through the AppHost's declaration (as the end-to-end tests start it), with one
/// organisation and a few District Administrators who set their passwords from their invitation emails: one account
/// per concurrent sign-in, so per-account serialisation of the credentials stream does not distort the figures.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    public const string Password = "Bench-password-2026";
    readonly BenchRun _run;

    BenchSystem(BenchRun run) => _run = run;

    PortalSystem Running => _run.System;

    public Uri Gateway => Running.GatewayUrl;
    public Uri Identity => Running.IdentityUrl;
    public Uri PublicIdentity => new(Gateway, "/identity/");
    public Uri Institution => new(Running.Resources.Single(r => r.Name == "institution").Url);
    public Guid Organisation { get; private set; }
    public IReadOnlyList<string> StaffEmails { get; private set; } = [];

    public static string LogPath => BenchRun.LogPath("identity");

    public static async Task<BenchSystem> StartAsync(int accounts)
    {
        // The gateway limits each client to 600 requests a minute; a benchmark of it would measure the limiter.
        Environment.SetEnvironmentVariable("Gateway__RateLimit__PermitsPerWindow", "100000000");
        var bench = new BenchSystem(await BenchRun.StartAsync("identity"));
        try
        {
            await bench.CreateStaffAsync(accounts);
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh browser: keeps cookies, does not follow redirects.</summary>
    public static HttpClient Browser() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    public PortalSignIn WebApp(HttpClient browser) => new(browser, PublicIdentity, "portal-web", new Uri(Gateway, "/signin-callback"));

    public async Task<string> SignInAsync(string email, string password)
    {
        using var browser = Browser();
        return (await WebApp(browser).SignInAsync(email, password)).AccessToken;
    }

    HttpClient Bearer(string token, Guid? actingOn = null)
    {
        var client = new HttpClient { BaseAddress = Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (actingOn is { } org) client.DefaultRequestHeaders.Add("Portal-Organisation", org.ToString());
        return client;
    }

    async Task CreateStaffAsync(int accounts)
    {
        var bootstrap = BootstrapOperator.FromEnvironment();
        var operatorToken = await SignInAsync(bootstrap.Email, bootstrap.Password);
        using var platform = Bearer(operatorToken);
        var created = await SetUp.Expect(platform.PostAsJsonAsync("/institution/organisations", new { name = "Benchmark Trust", kind = "MultiAcademyTrust" }));
        Organisation = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var trust = Bearer(operatorToken, Organisation);
        var emails = Enumerable.Range(1, accounts).Select(i => $"bench.{i}.{Guid.NewGuid():N}@bench.example").ToList();
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
            await SetUp.Expect(trust.PostAsJsonAsync("/identity/staff", new
            {
                email, givenName = "Bench", familyName = $"Staff {i + 1}", staffType = "DistrictAdministrator",
            }));
        var mailbox = new PickupMailbox(Path.Combine(_run.StateDirectory, "mail"));
        await Task.WhenAll(emails.Select(async email =>
        {
            var link = await mailbox.WaitForLinkAsync(email, "/account/setup", TimeSpan.FromSeconds(60));
            using var browser = Browser();
            await AccountSetup.SetPasswordAsync(browser, Gateway, link, Password);
        }));
        StaffEmails = emails;
    }

    public ValueTask DisposeAsync() => _run.DisposeAsync();
}
