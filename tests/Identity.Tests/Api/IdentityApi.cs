using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.DevIssuer;
using Portal.Testing;

namespace Portal.Identity.Tests.Api;

/// <summary>
/// The Identity service over HTTP against real PostgreSQL (its own database) and RabbitMQ (its own virtual host),
/// with tokens from the development issuer. Tests isolate themselves by working in fresh organisations (tenants).
/// </summary>
public sealed class IdentityApi : IAsyncLifetime
{
    public const string Audience = "portal-identity";

    private WebApplicationFactory<Program> factory = null!;
    public TestTokenIssuer Issuer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = await TestInfrastructure.CreateDatabaseAsync("identity");
        var rabbitmq = await TestInfrastructure.CreateVirtualHostAsync("identity");
        Issuer = await TestTokenIssuer.StartAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", rabbitmq);
            web.UseSetting("Portal:Auth:Authority", Issuer.Authority);
            web.UseSetting("OTEL_SERVICE_NAME", "identity");
        });
        factory.CreateClient();
    }

    public HttpClient Anonymous() => factory.CreateClient();

    public HttpClient As(TokenRequest caller)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Mint(caller));
        return client;
    }

    public HttpClient District(Guid org, Guid? subject = null) =>
        As(Callers.DistrictAdministrator(Audience, org) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Building(Guid org, Guid school, Guid? subject = null) =>
        As(Callers.BuildingAdministrator(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Teacher(Guid org, Guid school, Guid? subject = null) =>
        As(Callers.Teacher(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityApiCollection : ICollectionFixture<IdentityApi>
{
    public const string Name = "Identity API";
}
