using Npgsql;
using Xunit.Abstractions;

namespace Portal.Faults.Tests;

/// <summary>The servers under the services fail mid-load: the broker stops, database connections are cut, the database restarts.</summary>
[Collection(FaultCollection.Name)]
public sealed class InfrastructureFaultTests(FaultSystemFixture fixture, ITestOutputHelper output)
{
    /// <summary>Long enough that every service notices and MIS publishes are refused; short enough for the suite's time.</summary>
    private static readonly TimeSpan BrokerOutage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RabbitMq_stopped_and_started_again_loses_and_duplicates_nothing() =>
        await new FaultRun(fixture, output).RunAsync("RabbitMQ stopped and started again", async () =>
        {
            await fixture.System.StopRabbitMqAsync();
            await Task.Delay(BrokerOutage); // the outage itself, while the load goes on
            await fixture.System.StartRabbitMqAgainAsync();
        });

    [Fact]
    public async Task PostgreSQL_connections_terminated_mid_load_lose_and_duplicate_nothing() =>
        await new FaultRun(fixture, output).RunAsync("PostgreSQL connections terminated (x3)", async () =>
        {
            for (var round = 0; round < 3; round++)
            {
                Assert.True(await TerminateServiceConnectionsAsync() > 0, "No service connection was open to terminate.");
                await Task.Delay(TimeSpan.FromSeconds(1)); // spread the cuts over the load
            }
        });

    [Fact]
    public async Task PostgreSQL_restarted_mid_load_loses_and_duplicates_nothing() =>
        await new FaultRun(fixture, output).RunAsync("PostgreSQL restarted", () => fixture.System.RestartPostgresAsync());

    /// <summary>pg_terminate_backend for every other client connection to the services' databases; answers how many.</summary>
    private async Task<int> TerminateServiceConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(Effects.Unpooled(fixture.System.DatabaseConnectionString("roster")));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity " +
            "where pid <> pg_backend_pid() and backend_type = 'client backend' and application_name <> 'portal-faults' " +
            "and datname = any(@databases)", connection);
        command.Parameters.AddWithValue("databases",
            new[] { "identity", "institution", "roster", "accesscode", "billing" }.Select(DatabaseNameOf).ToArray());
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private string DatabaseNameOf(string database) =>
        new NpgsqlConnectionStringBuilder(fixture.System.DatabaseConnectionString(database)).Database!;
}
