using System.Net.Http.Headers;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.AppHost.Clients;
using Portal.TestIssuer;
using Portal.Testing;
using StudentLoginEnabled = Portal.Identity.Contracts.StudentLoginEnabled;
using StudentLoginDisabled = Portal.Identity.Contracts.StudentLoginDisabled;

namespace Portal.Identity.Tests.StartCards;

/// <summary>
/// Identity with both doors open: staff call it with tokens from the development issuer, and students sign in on its own
/// login page and get its own tokens. Institution's and Roster's messages reach it over its RabbitMQ virtual host.
/// Tests isolate themselves by working in fresh organisations and schools.
/// </summary>
public sealed class StartCardsApi : IAsyncLifetime
{
    public const string Audience = "portal-identity";
    public static readonly Uri Identity = new("http://localhost/");
    public static readonly Uri Callback = new("http://localhost/signin-callback");

    private WebApplicationFactory<Program> factory = null!;
    private TestTokenIssuer issuer = null!;

    public MessageListener Messages { get; private set; } = null!;

    /// <summary>The service's database, for tests that read what is stored.</summary>
    public string Postgres { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Postgres = await TestInfrastructure.CreateDatabaseAsync("identity_startcards");
        var rabbitMq = await TestInfrastructure.CreateVirtualHostAsync("identity-startcards");
        issuer = await TestTokenIssuer.StartAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.StartBusBeforeServing();
            web.UseSetting("ConnectionStrings:postgres", Postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", rabbitMq);
            web.UseSetting("Portal:Auth:Authority", issuer.Authority);
            web.UseSetting("OTEL_SERVICE_NAME", "identity");
            web.UseSetting("Portal:Identity:AllowHttp", "true");
            web.UseSetting("Portal:Identity:WebRedirectUris", Callback.ToString());
            web.UseSetting("Portal:Bootstrap:Email", "operator@portal.test");
            web.UseSetting("Portal:Bootstrap:Password", "Operator-test-password-1");
            web.UseSetting("Portal:Identity:PasswordIterations", "1000");
            web.UseSetting("Portal:Identity:StudentSignInUrl", "https://portal.example.test/identity/account/start");
        });
        factory.CreateClient();
        Messages = await MessageListener.StartAsync(rabbitMq, "identity-tests-startcards", typeof(StudentLoginEnabled), typeof(StudentLoginDisabled));
    }

    public IDocumentStore Store => factory.Services.GetRequiredService<IDocumentStore>();

    public HttpClient As(TokenRequest caller)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Mint(caller));
        return client;
    }

    public HttpClient District(Guid org) => As(Callers.DistrictAdministrator(Audience, org) with { Subject = Guid.NewGuid() });

    public HttpClient Building(Guid org, Guid school) => As(Callers.BuildingAdministrator(Audience, org, school) with { Subject = Guid.NewGuid() });

    public HttpClient Teacher(Guid org, Guid school, Guid teacher) => As(Callers.Teacher(Audience, org, school) with { Subject = teacher });

    /// <summary>A browser: its own cookies, no automatic redirects.</summary>
    public HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public PortalSignIn WebClient() => new(Browser(), Identity, "portal-web", Callback);

    public async Task DisposeAsync()
    {
        await Messages.DisposeAsync();
        await factory.DisposeAsync();
        await issuer.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StartCardsApiCollection : ICollectionFixture<StartCardsApi>
{
    public const string Name = "Identity start cards";
}
