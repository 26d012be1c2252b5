using MassTransit;
using Npgsql;

namespace Portal.Bench;

/// <summary>Reading a service's database during a benchmark, and scratch databases for raw baselines on the same server.</summary>
public static class BenchDatabase
{
    /// <summary>Rows of one of a service's document tables for one organisation (0 while the table does not exist yet).</summary>
    /// <param name="where">An extra SQL condition on the rows (the benchmark's own constant text, never input).</param>
    public static async Task<int> CountAsync(string connectionString, string table, Guid organisation, CancellationToken ct = default, string? where = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select to_regclass(@table) is not null", connection);
        exists.Parameters.AddWithValue("table", $"public.{table}");
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return 0;
        await using var count = new NpgsqlCommand($"select count(*) from public.{table} where tenant_id = @tenant{(where is null ? "" : $" and {where}")}", connection);
        count.Parameters.AddWithValue("tenant", organisation.ToString());
        return Convert.ToInt32(await count.ExecuteScalarAsync(ct));
    }

    /// <summary>A fresh, empty database on the same server as <paramref name="connectionString"/>'s.</summary>
    public static async Task<string> CreateScratchAsync(string connectionString, string name)
    {
        var unique = $"{name}_{Environment.ProcessId}";
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"drop database if exists {unique} with (force)", connection)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"create database {unique}", connection)) await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = unique }.ConnectionString;
    }
}

/// <summary>A bus on the system's broker, as an MIS producer would have, started and ready to publish.</summary>
public static class BenchBus
{
    /// <param name="receive">Receive endpoints of the benchmark's own (e.g. to time when a service's messages arrive).</param>
    public static async Task<IBusControl> StartAsync(Uri rabbitMq, CancellationToken ct = default, Action<IRabbitMqBusFactoryConfigurator>? receive = null)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            receive?.Invoke(rabbit);
            var user = rabbitMq.UserInfo.Split(':');
            rabbit.Host(rabbitMq.Host, (ushort)rabbitMq.Port, Uri.UnescapeDataString(rabbitMq.AbsolutePath.TrimStart('/')), h =>
            {
                h.Username(Uri.UnescapeDataString(user[0]));
                h.Password(Uri.UnescapeDataString(user[1]));
            });
        });
        await bus.StartAsync(ct);
        return bus;
    }
}
