using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;
using Portal.AppHost.Clients;
using Portal.AppHost.Hosting.Model;

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
        // Tokens name the address clients use (the gateway), so the gateway's port is fixed before anything starts.
        var gatewayPort = builder.Options.GatewayPort == 0 ? FreePort.Next() : builder.Options.GatewayPort;
        var publicIdentity = $"http://localhost:{gatewayPort}/identity";
        var bootstrap = BootstrapOperator.FromEnvironment();

        var identity = builder.AddProject("identity", "services/Identity")
            .WithReference(postgres.AddDatabase("identity"))
            .WithReference(rabbitmq)
            .WithEnvironment("Portal__Identity__Issuer", publicIdentity + "/")
            .WithEnvironment("Portal__Identity__PublicUrl", publicIdentity)
            .WithEnvironment("Portal__Identity__AllowHttp", "true")
            // The gateway answers as localhost and as 127.0.0.1; a browser may use either.
            .WithEnvironment("Portal__Identity__WebRedirectUris", $"http://localhost:{gatewayPort}/signin-callback;http://127.0.0.1:{gatewayPort}/signin-callback")
            .WithEnvironment("Portal__Identity__WebPostLogoutRedirectUris", $"http://localhost:{gatewayPort}/;http://127.0.0.1:{gatewayPort}/")
            .WithEnvironment("Portal__Mail__PickupDirectory", Path.Combine(builder.Options.StateDirectory, "mail"))
            .WithEnvironment("Portal__Bootstrap__Email", bootstrap.Email)
            .WithEnvironment("Portal__Bootstrap__Password", bootstrap.Password);

        var institution = builder.AddProject("institution", "services/Institution")
            .WithReference(postgres.AddDatabase("institution"))
            .WithReference(rabbitmq)
            .WithReference(identity)
            .WithIdentityTokens(publicIdentity);

        var roster = builder.AddProject("roster", "services/Roster")
            .WithReference(postgres.AddDatabase("roster"))
            .WithReference(rabbitmq)
            .WithReference(identity)
            .WithIdentityTokens(publicIdentity);

        var accessCode = builder.AddProject("accesscode", "services/AccessCode")
            .WithReference(postgres.AddDatabase("accesscode"))
            .WithReference(rabbitmq)
            .WithReference(identity)
            .WithIdentityTokens(publicIdentity);

        var billing = builder.AddProject("billing", "services/Billing")
            .WithReference(postgres.AddDatabase("billing"))
            .WithReference(rabbitmq)
            .WithReference(identity)
            .WithIdentityTokens(publicIdentity);

        builder.AddProject("gateway", "gateway")
            .WithReference(institution)
            .WithReference(roster)
            .WithReference(accessCode)
            .WithReference(billing)
            .WithReference(identity)
            .WithIdentityTokens(publicIdentity)
            .WithHttpPort(gatewayPort);
    }

    public Uri GatewayUrl => _application.UrlOf("gateway");
    public Uri IdentityUrl => _application.UrlOf("identity");
    /// <summary>Where MIS sync producers publish (the services' virtual host).</summary>
    public Uri RabbitMqUri => _application.RabbitMqUri;
    /// <summary>A service's database, for benchmarks and checks that count what it stored.</summary>
    public string DatabaseConnectionString(string databaseName) => _application.DatabaseConnectionString(databaseName);
    public IReadOnlyList<ResourceStatus> Resources { get; private set; } = [];

    /// <summary>
    /// Kills a service (or one replica of it, e.g. "roster#2") with SIGKILL, as a crash would (the AppHost restarts it
    /// with backoff); answers the killed pid.
    /// </summary>
    public int Kill(string instance) => _application.KillProject(instance);

    /// <summary>Waits until the service or replica answers its health check again; answers its (new) process id.</summary>
    public Task<int> WaitUntilHealthyAsync(string instance, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _application.WaitUntilHealthyAsync(instance, timeout, cancellationToken);

    /// <summary>
    /// Starts another process of a running service ("roster#2"): a second node competing for its queues and, under the
    /// async daemon's HotCold mode, standing by for its projections. Answers the replica's instance name.
    /// </summary>
    public Task<string> StartReplicaAsync(string projectName, CancellationToken cancellationToken = default) =>
        _application.StartReplicaAsync(projectName, cancellationToken);

    /// <summary>Stops a replica started by <see cref="StartReplicaAsync"/>.</summary>
    public Task StopReplicaAsync(string instance) => _application.StopReplicaAsync(instance);

    /// <summary>Stops the RabbitMQ node this system started (not one it was given).</summary>
    public Task StopRabbitMqAsync() => _application.StopRabbitMqAsync();

    /// <summary>Starts the stopped RabbitMQ node again on the same port, with its queues and persistent messages.</summary>
    public Task StartRabbitMqAgainAsync(CancellationToken cancellationToken = default) => _application.StartRabbitMqAgainAsync(cancellationToken);

    /// <summary>Restarts the PostgreSQL server this system started (every connection is cut), on the same port.</summary>
    public Task RestartPostgresAsync(CancellationToken cancellationToken = default) => _application.RestartPostgresAsync(cancellationToken);

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
