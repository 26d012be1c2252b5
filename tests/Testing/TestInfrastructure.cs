namespace Portal.Testing;

/// <summary>
/// Real PostgreSQL and RabbitMQ for integration tests. Uses the servers named by
/// ConnectionStrings__postgres / ConnectionStrings__rabbitmq when set (./portal test starts them once
/// for the whole run); otherwise starts its own from the Debian binaries through the AppHost's launch code.
/// </summary>
public static class TestInfrastructure
{
    /// <summary>Connection string of a superuser on the server's maintenance database.</summary>
    public static Task<string> PostgresAsync() =>
        Task.FromResult(Environment.GetEnvironmentVariable("ConnectionStrings__postgres")
            ?? throw new NotImplementedException("starting a local PostgreSQL is not written yet"));

    /// <summary>amqp:// URI of the broker's default virtual host.</summary>
    public static Task<string> RabbitMqAsync() =>
        Task.FromResult(Environment.GetEnvironmentVariable("ConnectionStrings__rabbitmq")
            ?? throw new NotImplementedException("starting a local RabbitMQ is not written yet"));

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string namePrefix)
    {
        var admin = await PostgresAsync();
        var name = $"{namePrefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(60, namePrefix.Length + 33)];
        await using var connection = new Npgsql.NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using (var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
            await create.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Creates a fresh RabbitMQ virtual host and returns an amqp:// URI for it.</summary>
    public static Task<string> CreateVirtualHostAsync(string namePrefix) =>
        throw new NotImplementedException("not written yet");
}
