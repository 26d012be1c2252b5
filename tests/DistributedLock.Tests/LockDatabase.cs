using Medallion.Threading.Postgres;
using Npgsql;
using Portal.Testing;

namespace Portal.DistributedLock.Tests;

/// <summary>A fresh database and data source for the lock tests, in either multiplexing mode.</summary>
internal static class LockDatabase
{
    public static async Task<NpgsqlDataSource> CreateAsync(bool multiplexing)
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync("lock");
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Multiplexing = multiplexing };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public static PostgresDistributedLock Lock(NpgsqlDataSource dataSource, long key, bool inTransaction) =>
        new(new PostgresAdvisoryLockKey(key), dataSource, options => options.UseTransaction(inTransaction).UseMultiplexing());

    public static long NewKey() => Random.Shared.NextInt64();

    /// <summary>The backend holding the advisory lock on <paramref name="key"/>; pg_locks splits it into two halves.</summary>
    public static async Task<int?> HolderPidAsync(NpgsqlDataSource dataSource, long key)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT pid FROM pg_locks
            WHERE locktype = 'advisory' AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = $1 AND objid::bigint = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(uint)(key >> 32) });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(uint)key });
        return (int?)await command.ExecuteScalarAsync();
    }
}
