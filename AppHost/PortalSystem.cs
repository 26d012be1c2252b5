using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;

namespace Portal.AppHost;

/// <summary>
/// The Portal system as one model: Program.cs runs it, end-to-end tests start exactly the same declaration
/// through StartAsync.
/// </summary>
public sealed class PortalSystem : IAsyncDisposable
{
    private readonly PortalApplication _application;

    private PortalSystem(PortalApplication application) => _application = application;

    public static void Declare(PortalAppBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        var rabbitmq = builder.AddRabbitMq("rabbitmq");
        // Stands in for the Identity service until it exists; its key file keeps tokens valid across restarts.
        var identity = builder.AddProject("identity", "tools/DevIssuer")
            .WithEnvironment("Portal__DevIssuer__KeyFile", Path.Combine(builder.Options.StateDirectory, "identity", "signing-key.pem"));

        var institution = builder.AddProject("institution", "services/Institution")
            .WithReference(postgres.AddDatabase("institution"))
            .WithReference(rabbitmq)
            .WithReference(identity);

        builder.AddProject("gateway", "gateway")
            .WithReference(institution)
            .WithReference(identity)
            .WithHttpPort(builder.Options.GatewayPort);
    }

    public Uri GatewayUrl => _application.UrlOf("gateway");
    public Uri IdentityUrl => _application.UrlOf("identity");
    public IReadOnlyList<ResourceStatus> Resources { get; private set; } = [];

    /// <summary>Starts the whole system and returns once every project answers its health check.</summary>
    public static async Task<PortalSystem> StartAsync(PortalSystemOptions options, CancellationToken cancellationToken)
    {
        var builder = PortalApp.CreateBuilder(options.ToAppOptions());
        Declare(builder);
        var application = builder.Build();
        try
        {
            await application.StartAsync(cancellationToken);
            var system = new PortalSystem(application);
            await system.RefreshAsync(cancellationToken);
            return system;
        }
        catch
        {
            await application.DisposeAsync();
            throw;
        }
    }

    /// <summary>Re-checks every resource's health and process ids.</summary>
    public async Task<IReadOnlyList<ResourceStatus>> RefreshAsync(CancellationToken cancellationToken) =>
        Resources = await _application.StatusAsync(cancellationToken);

    public ValueTask DisposeAsync() => _application.DisposeAsync();
}
