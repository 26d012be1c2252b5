using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;
using Portal.Bench;

namespace Portal.Billing.Bench;

/// <summary>
/// The PostgreSQL server the measures run on: the one ConnectionStrings__postgres names (each measure in a fresh
/// database of its own, dropped afterwards), or else one started from the Debian binaries under
/// <c>.state/bench-billing-&lt;pid&gt;/</c> as the AppHost starts it, stopped and deleted afterwards.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string adminConnectionString;
    private readonly PostgresServer? ownServer;
    private readonly string? stateDirectory;
    private readonly List<string> databases = [];

    private BenchPostgres(string adminConnectionString, PostgresServer? ownServer, string? stateDirectory)
    {
        this.adminConnectionString = adminConnectionString;
        this.ownServer = ownServer;
        this.stateDirectory = stateDirectory;
    }

    public string Description => ownServer is null ? "the PostgreSQL server ConnectionStrings__postgres names" : "a PostgreSQL server of its own";

    public static async Task<BenchPostgres> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__postgres") is { Length: > 0 } given)
            return new BenchPostgres(given, null, null);
        var state = Path.Combine(RepositoryRoot.Find(), ".state", $"bench-billing-{Environment.ProcessId}");
        var server = await PostgresServer.StartAsync(state, NullLogger.Instance, CancellationToken.None);
        return new BenchPostgres(server.Connection.AdminConnectionString, server, state);
    }

    /// <summary>A fresh, empty database for one measure.</summary>
    public async Task<string> DatabaseAsync(string name)
    {
        var connectionString = await BenchDatabase.CreateScratchAsync(adminConnectionString, name);
        databases.Add(new NpgsqlConnectionStringBuilder(connectionString).Database!);
        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (ownServer is not null)
        {
            await ownServer.DisposeAsync();
            StateFolder.Delete(stateDirectory!);
            return;
        }
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        foreach (var database in databases)
        {
            await using var drop = new NpgsqlCommand($"drop database if exists {database} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
