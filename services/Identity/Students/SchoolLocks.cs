using Medallion.Threading.Postgres;
using Npgsql;

namespace Portal.Identity.Students;

/// <summary>
/// One PostgreSQL advisory lock per school, held while a message about the school's setting or one of its students
/// is applied. Without it a setting change and a new student committed side by side could each miss the other
/// (each reads the other's old copy) and leave an eligible student without a login; the lock holds across replicas.
/// </summary>
public sealed class SchoolLocks(NpgsqlDataSource dataSource)
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public async Task<IAsyncDisposable> HoldAsync(IEnumerable<Guid> schools, CancellationToken cancellation)
    {
        var held = new Held();
        try
        {
            // Always in the same order, so two messages naming the same two schools cannot deadlock.
            foreach (var school in schools.Distinct().Order())
                held.Handles.Add(await new PostgresDistributedLock(new PostgresAdvisoryLockKey(KeyOf(school)), dataSource)
                    .TryAcquireAsync(Wait, cancellation)
                    ?? throw new TimeoutException($"School {school} stayed locked for {Wait.TotalSeconds} s."));
            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    static long KeyOf(Guid school)
    {
        var bytes = school.ToByteArray();
        return BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8);
    }

    sealed class Held : IAsyncDisposable
    {
        public List<PostgresDistributedLockHandle> Handles { get; } = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var handle in Enumerable.Reverse(Handles))
                await handle.DisposeAsync();
        }
    }
}
