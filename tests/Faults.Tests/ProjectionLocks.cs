using Npgsql;

namespace Portal.Faults.Tests;

/// <summary>One advisory lock the async daemon holds in a service's database, and which node holds it.</summary>
/// <param name="Key">The lock's key as pg_locks shows it (classid:objid:objsubid).</param>
/// <param name="Holder">The holding connection's application name: the AppHost names each replica's connections ("roster#2").</param>
public sealed record ProjectionLock(string Key, string Holder, int BackendPid);

/// <summary>Reads who holds the HotCold daemon's advisory locks (one per projection or subscription shard).</summary>
public static class ProjectionLocks
{
    public static async Task<IReadOnlyList<ProjectionLock>> ReadAsync(string connectionString, CancellationToken cancellation = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand("""
            select l.classid || ':' || l.objid || ':' || l.objsubid, a.application_name, a.pid
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.datname = current_database()
            order by 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var locks = new List<ProjectionLock>();
        while (await reader.ReadAsync(cancellation))
            locks.Add(new ProjectionLock(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        return locks;
    }
}
