using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.AppHost.Clients;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Security;
using Portal.Testing;

namespace Portal.Identity.Tests.SignIn;

/// <summary>
/// Identity as the token issuer it is in production: no test issuer, its own keys and its own login page, over
/// HTTP against real PostgreSQL and RabbitMQ. Clients sign in with code + PKCE by posting the login form.
/// </summary>
public sealed class SignInApi : IAsyncLifetime
{
    public const string OperatorEmail = "operator@portal.test";
    public const string OperatorPassword = "Operator-test-password-1";
    public static readonly Uri Identity = new("http://localhost/");
    public static readonly Uri Callback = new("http://localhost/signin-callback");

    private WebApplicationFactory<Program> factory = null!;

    public async Task InitializeAsync()
    {
        var postgres = Postgres = await TestInfrastructure.CreateDatabaseAsync("identity_signin");
        var rabbitMq = await TestInfrastructure.CreateVirtualHostAsync("identity-signin");
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.StartBusBeforeServing();
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", rabbitMq);
            web.UseSetting("OTEL_SERVICE_NAME", "identity");
            web.UseSetting("Portal:Identity:AllowHttp", "true");
            web.UseSetting("Portal:Identity:WebRedirectUris", Callback.ToString());
            web.UseSetting("Portal:Identity:WebPostLogoutRedirectUris", "http://localhost/signed-out");
            web.UseSetting("Portal:Bootstrap:Email", OperatorEmail);
            web.UseSetting("Portal:Bootstrap:Password", OperatorPassword);
            // The hash cost is the benchmark's business; tests only need hashes that verify.
            web.UseSetting("Portal:Identity:PasswordIterations", "1000");
        });
        factory.CreateClient();
        await Task.CompletedTask;
    }

    public IServiceProvider Services => factory.Services;

    /// <summary>The service's database, for tests that look at what is stored.</summary>
    public string Postgres { get; private set; } = "";

    /// <summary>A browser: its own cookies, no automatic redirects.</summary>
    public HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public PortalSignIn WebClient(HttpClient? browser = null) => new(browser ?? Browser(), Identity, "portal-web", Callback);

    public HttpClient Bearer(string accessToken, Guid? actingOn = null)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (actingOn is { } org) client.DefaultRequestHeaders.Add("Portal-Organisation", org.ToString());
        return client;
    }

    public async Task<string> OperatorTokenAsync() => (await WebClient().SignInAsync(OperatorEmail, OperatorPassword)).AccessToken;

    /// <summary>Sets an account's password directly, as following the invitation link would.</summary>
    public async Task SetPasswordAsync(Guid accountId, Guid? organisation, string password, AccountKind kind = AccountKind.Staff)
    {
        var directory = Services.GetRequiredService<AccountDirectory>();
        var account = await directory.FindAsync(accountId, kind, organisation) ?? throw new InvalidOperationException($"No account {accountId}.");
        var hash = Services.GetRequiredService<PasswordHasher>().Hash(password);
        await Services.GetRequiredService<CredentialsStore>().DecideAsync(account, s => Passwords.Decide(new SetPassword(accountId, hash, DateTimeOffset.UtcNow), s));
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SignInApiCollection : ICollectionFixture<SignInApi>
{
    public const string Name = "Identity sign-in";
}
