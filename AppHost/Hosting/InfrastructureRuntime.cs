using Microsoft.Extensions.Logging;
using Portal.AppHost.Hosting.Model;
using Portal.AppHost.Infrastructure;

namespace Portal.AppHost.Hosting;

/// <summary>
/// The servers behind the declared postgres and rabbitmq resources: taken from ConnectionStrings__&lt;name&gt;
/// when the AppHost's environment names them, otherwise started from the Debian binaries under the state folder.
/// </summary>
public sealed class InfrastructureRuntime : IAsyncDisposable
{
    private readonly Dictionary<PostgresDatabaseResource, string> _databaseNames = [];
    private PostgresServer? _ownPostgres;
    private RabbitMqServer? _ownRabbitMq;
    private string? _createdVirtualHost;
    private readonly PortalAppOptions _options;
    private readonly ILogger _logger;

    private InfrastructureRuntime(
        PostgresServerResource? postgres, RabbitMqServerResource? rabbitMq, PortalAppOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        PostgresResource = postgres;
        RabbitMqResource = rabbitMq;
    }

    public PostgresServerResource? PostgresResource { get; }
    public RabbitMqServerResource? RabbitMqResource { get; }
    public PostgresConnection? Postgres { get; private set; }
    /// <summary>The broker as services see it (in this run's virtual host when one was asked for).</summary>
    public RabbitMqConnection? RabbitMq { get; private set; }

    public static async Task<InfrastructureRuntime> StartAsync(
        PortalAppOptions options, IReadOnlyList<IResource> resources, ILogger logger, Action<string, string> output,
        CancellationToken cancellationToken)
    {
        var runtime = new InfrastructureRuntime(
            resources.OfType<PostgresServerResource>().SingleOrDefault(),
            resources.OfType<RabbitMqServerResource>().SingleOrDefault(),
            options, logger);
        try
        {
            await runtime.StartPostgresAsync(options, logger, cancellationToken);
            await runtime.StartRabbitMqAsync(options, logger, output, cancellationToken);
        }
        catch
        {
            await runtime.DisposeAsync();
            throw;
        }
        return runtime;
    }

    public string DatabaseName(PostgresDatabaseResource database) => _databaseNames[database];

    public IEnumerable<ResourceStatus> Statuses(bool postgresHealthy, bool rabbitMqHealthy)
    {
        if (PostgresResource is not null && Postgres is not null)
        {
            var databases = string.Join(", ", _databaseNames.Values);
            yield return new ResourceStatus(PostgresResource.Name, "postgres", $"{Postgres.Host}:{Postgres.Port} ({databases})",
                postgresHealthy, _ownPostgres?.ProcessId,
                _ownPostgres is null ? [] : ProcessSignals.WithDescendants(_ownPostgres.ProcessId));
        }
        if (RabbitMqResource is not null && RabbitMq is not null)
        {
            var uri = RabbitMq.AmqpUri;
            yield return new ResourceStatus(RabbitMqResource.Name, "rabbitmq", $"{uri.Host}:{uri.Port} (vhost {Uri.UnescapeDataString(uri.AbsolutePath)})",
                rabbitMqHealthy, _ownRabbitMq?.ProcessId, _ownRabbitMq?.ProcessIds ?? []);
        }
    }

    /// <summary>Variables ./portal test hands to test processes: connection strings and the broker's node.</summary>
    public IReadOnlyDictionary<string, string> ExportedEnvironment()
    {
        var variables = new Dictionary<string, string>();
        if (PostgresResource is not null && Postgres is not null)
            variables[$"ConnectionStrings__{PostgresResource.Name}"] = Postgres.AdminConnectionString;
        if (RabbitMqResource is not null && RabbitMq is not null)
        {
            variables[$"ConnectionStrings__{RabbitMqResource.Name}"] = RabbitMq.AmqpUri.ToString();
            foreach (var (name, value) in RabbitMq.Node?.ToEnvironment() ?? new Dictionary<string, string>())
                variables[name] = value;
        }
        return variables;
    }

    /// <summary>Stops the RabbitMQ node this system started (fault injection); services lose their connections.</summary>
    public Task StopRabbitMqAsync() => OwnRabbitMq().StopAsync();

    /// <summary>Starts the stopped node again where it was (same port, node and data).</summary>
    public Task StartRabbitMqAgainAsync(CancellationToken cancellationToken) => OwnRabbitMq().StartAgainAsync(cancellationToken);

    /// <summary>Restarts the PostgreSQL server this system started (fast shutdown: every connection is cut), on the same port.</summary>
    public Task RestartPostgresAsync(CancellationToken cancellationToken) =>
        (_ownPostgres ?? throw new InvalidOperationException("PostgreSQL was given to this system, not started by it; it is not ours to restart."))
        .RestartAsync(cancellationToken);

    private RabbitMqServer OwnRabbitMq() =>
        _ownRabbitMq ?? throw new InvalidOperationException("RabbitMQ was given to this system, not started by it; it is not ours to stop.");

    public async ValueTask DisposeAsync()
    {
        if (_options.RemoveRunDataOnStop) await RemoveRunDataAsync();
        if (_ownRabbitMq is not null) await _ownRabbitMq.DisposeAsync();
        if (_ownPostgres is not null) await _ownPostgres.DisposeAsync();
    }

    /// <summary>Servers we were given outlive us: leave them as we found them. Our own go with their folder.</summary>
    private async Task RemoveRunDataAsync()
    {
        try
        {
            if (_ownPostgres is null && Postgres is not null)
                foreach (var database in _databaseNames.Values)
                    await Postgres.DropDatabaseAsync(database, CancellationToken.None);
            if (_ownRabbitMq is null && RabbitMq is not null && _createdVirtualHost is not null)
                await RabbitMq.DeleteVirtualHostAsync(_createdVirtualHost, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogWarning("Could not remove this run's databases or virtual host: {Error}", e.Message);
        }
    }

    private async Task StartPostgresAsync(PortalAppOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (PostgresResource is null) return;
        var given = options.OwnServers ? null : Environment.GetEnvironmentVariable($"ConnectionStrings__{PostgresResource.Name}");
        if (!string.IsNullOrEmpty(given))
        {
            logger.LogInformation("Using the PostgreSQL server from ConnectionStrings__{Name}", PostgresResource.Name);
            Postgres = new PostgresConnection(given);
        }
        else
        {
            _ownPostgres = await PostgresServer.StartAsync(options.StateDirectory, logger, cancellationToken);
            Postgres = _ownPostgres.Connection;
        }
        foreach (var database in PostgresResource.Databases)
        {
            var name = database.DatabaseName + options.DatabaseNameSuffix;
            await Postgres.EnsureDatabaseAsync(name, cancellationToken);
            _databaseNames[database] = name;
        }
    }

    private async Task StartRabbitMqAsync(
        PortalAppOptions options, ILogger logger, Action<string, string> output, CancellationToken cancellationToken)
    {
        if (RabbitMqResource is null) return;
        var given = options.OwnServers ? null : Environment.GetEnvironmentVariable($"ConnectionStrings__{RabbitMqResource.Name}");
        if (!string.IsNullOrEmpty(given))
        {
            logger.LogInformation("Using the RabbitMQ broker from ConnectionStrings__{Name}", RabbitMqResource.Name);
            RabbitMq = new RabbitMqConnection(new Uri(given), RabbitMqNode.FromEnvironment());
            await RabbitMq.WaitUntilAcceptingAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        else
        {
            _ownRabbitMq = await RabbitMqServer.StartAsync(options.StateDirectory, logger, cancellationToken,
                line => output(RabbitMqResource.Name, line));
            RabbitMq = _ownRabbitMq.Connection;
        }
        if (options.VirtualHost is not { } virtualHost) return;
        if (RabbitMq.Node is null)
            logger.LogWarning("No RabbitMQ node known to create virtual host {VirtualHost}; using the broker's URI as given", virtualHost);
        else
        {
            RabbitMq = RabbitMq with { AmqpUri = await RabbitMq.CreateVirtualHostAsync(virtualHost, cancellationToken) };
            _createdVirtualHost = virtualHost;
        }
    }
}
