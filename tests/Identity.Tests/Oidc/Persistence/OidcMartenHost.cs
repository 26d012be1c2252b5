using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Identity.Oidc.Persistence;
using Portal.Identity.Oidc.Persistence.SigningKeys;
using Portal.ServiceDefaults.Persistence;
using Portal.Testing;

namespace Portal.Identity.Tests.Oidc.Persistence;

/// <summary>
/// Marten configured as the service configures it (AddPortalMarten: conjoined tenancy, every document
/// multi-tenanted unless it says otherwise) plus the OIDC documents, over a fresh database per test class,
/// with OpenIddict's managers on the Marten stores.
/// </summary>
public class OidcMartenHost : IAsyncLifetime
{
    public static readonly string TestKeyEncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private IHost host = null!;

    public IServiceProvider Services => host.Services;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ApplicationName = "identity-oidc-tests", EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:postgres"] = await TestInfrastructure.CreateDatabaseAsync("id_oidc");
        builder.Configuration[KeyEncryptionKey.ConfigurationKey] = TestKeyEncryptionKey;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPortalMarten(options => options.ConfigureOidcDocuments());
        var openIddict = builder.Services.AddOpenIddict().AddCore(core => core.UseMartenStores());
        Configure(openIddict);
        host = builder.Build();
        await host.StartAsync();
    }

    protected virtual void Configure(OpenIddictBuilder openIddict)
    {
    }

    /// <summary>A fresh DI scope, as one request would have: the managers and their entity caches are scoped.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

/// <summary>The same, with OpenIddict's server signing with the persisted key ring.</summary>
public sealed class OidcServerHost : OidcMartenHost
{
    protected override void Configure(OpenIddictBuilder openIddict) =>
        openIddict.AddServer(server => server
            .SetTokenEndpointUris("connect/token")
            .AllowClientCredentialsFlow()
            .AddEphemeralEncryptionKey()
            .AddPersistedSigningKeys()
            .UseAspNetCore());
}
