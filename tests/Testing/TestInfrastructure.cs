using Microsoft.Extensions.Logging.Abstractions;
using Portal.AppHost.Infrastructure;

namespace Portal.Testing;

/// <summary>
/// Real PostgreSQL and RabbitMQ for integration tests. Uses the servers named by
/// ConnectionStrings__postgres / ConnectionStrings__rabbitmq when set (./portal test starts them once
/// for the whole run); otherwise starts its own from the Debian binaries through the AppHost's launch code:
/// one of each per test process, on first use, under .state/test-&lt;pid&gt;, stopped and deleted at exit.
/// </summary>
public static class TestInfrastructure
{
    private static readonly Lazy<Task<PostgresConnection>> Postgres = new(StartPostgresAsync);
    private static readonly Lazy<Task<RabbitMqConnection>> RabbitMq = new(StartRabbitMqAsync);

    /// <summary>Connection string of a superuser on the server's maintenance database.</summary>
    public static async Task<string> PostgresAsync() => (await Postgres.Value).AdminConnectionString;

    /// <summary>amqp:// URI of the broker's default virtual host.</summary>
    public static async Task<string> RabbitMqAsync() => (await RabbitMq.Value).AmqpUri.ToString();

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string namePrefix)
    {
        var server = await Postgres.Value;
        var name = UniqueName(namePrefix.ToLowerInvariant(), '_');
        await server.EnsureDatabaseAsync(name, CancellationToken.None);
        return server.ForDatabase(name);
    }

    /// <summary>Creates a fresh RabbitMQ virtual host and returns an amqp:// URI for it.</summary>
    /// <remarks>
    /// AMQP cannot create virtual hosts, so this runs rabbitmqctl add_vhost + set_permissions (for the URI's
    /// user). That needs the node name, Erlang cookie and epmd port: known for our own broker, and handed over
    /// by ./portal test as PORTAL_RABBITMQ_NODE / _HOME / _EPMD_PORT next to ConnectionStrings__rabbitmq.
    /// </remarks>
    public static async Task<string> CreateVirtualHostAsync(string namePrefix)
    {
        var broker = await RabbitMq.Value;
        var uri = await broker.CreateVirtualHostAsync(UniqueName(namePrefix, '-'), CancellationToken.None);
        return uri.ToString();
    }

    private static string UniqueName(string prefix, char separator)
    {
        var name = $"{prefix}{separator}{Guid.NewGuid():N}";
        // PostgreSQL truncates identifiers at 63 bytes; keep the unique tail rather than the prefix.
        return name.Length <= 60 ? name : name[^60..];
    }

    private static async Task<PostgresConnection> StartPostgresAsync()
    {
        var given = Environment.GetEnvironmentVariable("ConnectionStrings__postgres");
        if (!string.IsNullOrEmpty(given)) return new PostgresConnection(given);
        var server = await PostgresServer.StartAsync(LocalServers.StateDirectory, NullLogger.Instance, CancellationToken.None);
        LocalServers.Register(server);
        return server.Connection;
    }

    private static async Task<RabbitMqConnection> StartRabbitMqAsync()
    {
        var given = Environment.GetEnvironmentVariable("ConnectionStrings__rabbitmq");
        if (!string.IsNullOrEmpty(given)) return new RabbitMqConnection(new Uri(given), RabbitMqNode.FromEnvironment());
        var server = await RabbitMqServer.StartAsync(LocalServers.StateDirectory, NullLogger.Instance, CancellationToken.None);
        LocalServers.Register(server);
        return server.Connection;
    }
}
