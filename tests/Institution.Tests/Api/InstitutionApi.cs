using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.DevIssuer;
using Portal.Testing;

namespace Portal.Institution.Tests.Api;

/// <summary>
/// The Institution service over HTTP against real PostgreSQL (its own database) and RabbitMQ (its own
/// virtual host), with tokens from the development issuer, and a listener on the broker that collects
/// what the service publishes. Tests isolate themselves by working in fresh organisations (tenants).
/// </summary>
public sealed class InstitutionApi : IAsyncLifetime
{
    public const string Audience = "portal-institution";

    private WebApplicationFactory<Program> factory = null!;
    public TestTokenIssuer Issuer { get; private set; } = null!;
    public PublishedMessages Published { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = await TestInfrastructure.CreateDatabaseAsync("institution");
        var rabbitmq = await TestInfrastructure.CreateVirtualHostAsync("institution");
        Issuer = await TestTokenIssuer.StartAsync();
        Published = await PublishedMessages.StartAsync(rabbitmq);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", rabbitmq);
            web.UseSetting("Portal:Auth:Authority", Issuer.Authority);
            web.UseSetting("OTEL_SERVICE_NAME", "institution");
        });
        factory.CreateClient();
    }

    public HttpClient Anonymous() => factory.CreateClient();

    public HttpClient As(TokenRequest caller, Guid? actingOn = null)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Mint(caller));
        if (actingOn is { } org) client.DefaultRequestHeaders.Add("Portal-Organisation", org.ToString());
        return client;
    }

    public HttpClient Operator(Guid? actingOn = null) => As(Callers.Operator(Audience), actingOn);

    public HttpClient District(Guid org) => As(Callers.DistrictAdministrator(Audience, org));

    public HttpClient Customer(Guid org) => As(Callers.CustomerAdministrator(Audience, org));

    public HttpClient Building(Guid org, Guid school) => As(Callers.BuildingAdministrator(Audience, org, school));

    public HttpClient Teacher(Guid org, Guid school) => As(Callers.Teacher(Audience, org, school));

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await Published.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InstitutionApiCollection : ICollectionFixture<InstitutionApi>
{
    public const string Name = "Institution API";
}
