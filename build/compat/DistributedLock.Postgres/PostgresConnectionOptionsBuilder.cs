namespace Medallion.Threading.Postgres;

/// <summary>How a <see cref="PostgresDistributedLock"/> holds its lock.</summary>
public sealed class PostgresConnectionOptionsBuilder
{
    internal PostgresConnectionOptionsBuilder()
    {
    }

    internal bool HoldsLockInTransaction { get; private set; }

    /// <summary>
    /// Hold the lock with <c>pg_try_advisory_xact_lock</c> inside a transaction that stays open until the handle
    /// is disposed, instead of a session-level lock.
    /// </summary>
    public PostgresConnectionOptionsBuilder UseTransaction(bool useTransaction = true)
    {
        HoldsLockInTransaction = useTransaction;
        return this;
    }

    /// <summary>
    /// Accepted for compatibility and ignored: every held lock gets its own non-multiplexed connection, which works
    /// with data sources in either multiplexing mode.
    /// </summary>
    public PostgresConnectionOptionsBuilder UseMultiplexing(bool useMultiplexing = true) => this;
}
