using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.TestIssuer;

namespace Portal.Testing;

/// <summary>
/// A service started in-process over HTTP against real PostgreSQL (its own database) and RabbitMQ (its own
/// virtual host), validating tokens from the development issuer exactly as it would Identity's.
/// </summary>
public sealed class ServiceUnderTest<TProgram> : IAsyncDisposable where TProgram : class
{
    private readonly WebApplicationFactory<TProgram> factory;

    private ServiceUnderTest(WebApplicationFactory<TProgram> factory, TestTokenIssuer issuer, string rabbitMq)
    {
        this.factory = factory;
        Issuer = issuer;
        RabbitMq = rabbitMq;
    }

    public TestTokenIssuer Issuer { get; }

    /// <summary>The amqp:// URI of the service's virtual host, for listeners that watch what it publishes.</summary>
    public string RabbitMq { get; }

    /// <param name="settings">Further configuration for the host (e.g. a mail pickup folder), applied after the defaults.</param>
    public static async Task<ServiceUnderTest<TProgram>> StartAsync(string service, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var postgres = await TestInfrastructure.CreateDatabaseAsync(service);
        var rabbitMq = await TestInfrastructure.CreateVirtualHostAsync(service);
        var issuer = await TestTokenIssuer.StartAsync();
        var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.StartBusBeforeServing();
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", rabbitMq);
            web.UseSetting("Portal:Auth:Authority", issuer.Authority);
            web.UseSetting("OTEL_SERVICE_NAME", service);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                web.UseSetting(key, value);
        });
        factory.CreateClient(); // starts the host now, so the first test does not pay for it
        return new ServiceUnderTest<TProgram>(factory, issuer, rabbitMq);
    }

    /// <summary>The host's services, for tests that arrange state the API cannot reach (e.g. a link that has already expired).</summary>
    public IServiceProvider Services => factory.Services;

    public HttpClient Anonymous() => factory.CreateClient();

    /// <param name="actingOn">For platform operators: the organisation named in the Portal-Organisation header.</param>
    public HttpClient As(TokenRequest caller, Guid? actingOn = null)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Mint(caller));
        if (actingOn is { } org) client.DefaultRequestHeaders.Add("Portal-Organisation", org.ToString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
