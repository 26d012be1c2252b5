extern alias gateway;

using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.TestIssuer;
using Portal.Testing;
using GatewayProgram = gateway::Program;

namespace Portal.Gateway.Tests.Support;

/// <summary>
/// The gateway in memory, in front of two echo backends on real ports standing in for Identity and Institution,
/// with tokens from the test issuer. Subclasses change the gateway's configuration.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    public const string InstitutionAudience = "portal-institution";

    private WebApplicationFactory<GatewayProgram>? factory;

    public TestTokenIssuer Issuer { get; private set; } = null!;
    public EchoBackend Identity { get; private set; } = null!;
    public EchoBackend Institution { get; private set; } = null!;

    public WebApplicationFactory<GatewayProgram> Factory => factory ?? throw new InvalidOperationException("Not started.");

    /// <summary>Gateway settings beyond the service addresses and the token authority.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Gateway:Cors:AllowedOrigins:0"] = "https://app.portal.test",
        ["Gateway:MaxRequestBodyBytes"] = "1024",
        ["Gateway:KnownProxies:0"] = "10.0.0.2",
        // Nothing listens on port 1: stands for a service that is down.
        ["services:roster:http:0"] = "http://127.0.0.1:1",
    };

    public async Task InitializeAsync()
    {
        // Started one after another: WebApplicationFactory adopts the next host built in the process.
        Issuer = await TestTokenIssuer.StartAsync();
        Identity = await EchoBackend.StartAsync("identity");
        Institution = await EchoBackend.StartAsync("institution");
        factory = new WebApplicationFactory<GatewayProgram>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Portal:Auth:Authority", Issuer.Authority);
            web.UseSetting("services:identity:http:0", Identity.Address);
            web.UseSetting("services:institution:http:0", Institution.Address);
            foreach (var (key, value) in Settings) web.UseSetting(key, value);
        });
        _ = factory.Server;
    }

    /// <summary>A client whose requests arrive from <paramref name="remoteAddress"/> (the in-memory server has none otherwise).</summary>
    public HttpClient Client(string remoteAddress = "198.51.100.10", string? token = null)
    {
        var handler = Factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress));
        var client = new HttpClient(handler) { BaseAddress = Factory.Server.BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public string InstitutionToken(Guid? subject = null) =>
        Issuer.Mint(Callers.DistrictAdministrator(InstitutionAudience, Guid.NewGuid()) with { Subject = subject ?? Guid.NewGuid() });

    public TokenRequest InstitutionCaller() => Callers.DistrictAdministrator(InstitutionAudience, Guid.NewGuid());

    public async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        await Institution.DisposeAsync();
        await Identity.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
