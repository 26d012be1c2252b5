using System.Data.Common;
using System.Diagnostics;

namespace Medallion.Threading.Postgres;

/// <summary>
/// An exclusive PostgreSQL advisory lock. Each acquired lock is held on its own connection, kept alive until the
/// handle is disposed.
/// </summary>
public sealed class PostgresDistributedLock
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly DbDataSource _dataSource;
    private readonly bool _holdInTransaction;

    public PostgresDistributedLock(
        PostgresAdvisoryLockKey key, DbDataSource dbDataSource, Action<PostgresConnectionOptionsBuilder>? options = null)
    {
        ArgumentNullException.ThrowIfNull(dbDataSource);
        var builder = new PostgresConnectionOptionsBuilder();
        options?.Invoke(builder);

        Key = key;
        _dataSource = dbDataSource;
        _holdInTransaction = builder.HoldsLockInTransaction;
    }

    public PostgresAdvisoryLockKey Key { get; }

    /// <summary>
    /// Tries to take the lock, retrying until <paramref name="timeout"/> has passed: <see cref="TimeSpan.Zero"/>
    /// tries once, <see cref="Timeout.InfiniteTimeSpan"/> waits until cancelled.
    /// </summary>
    /// <returns>The handle holding the lock, or null when another session held it for the whole timeout.</returns>
    public async ValueTask<PostgresDistributedLockHandle?> TryAcquireAsync(
        TimeSpan timeout = default, CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Must be non-negative or infinite.");
        }

        var waited = Stopwatch.StartNew();
        var connection = await DedicatedConnection.OpenAsync(_dataSource, cancellationToken).ConfigureAwait(false);
        PostgresDistributedLockHandle? handle = null;
        try
        {
            var transaction = _holdInTransaction
                ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
                : null;
            var sql = transaction is null ? "SELECT pg_try_advisory_lock(@key)" : "SELECT pg_try_advisory_xact_lock(@key)";

            for (var retryDelay = FirstRetryDelay; ; retryDelay = Min(retryDelay * 2, MaxRetryDelay))
            {
                if (await DedicatedConnection.QueryAsync<bool>(connection, transaction, sql, Key.Value, cancellationToken)
                        .ConfigureAwait(false))
                {
                    handle = new PostgresDistributedLockHandle(Key, connection, transaction);
                    return handle;
                }

                var remaining = timeout == Timeout.InfiniteTimeSpan ? MaxRetryDelay : timeout - waited.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    return null;
                }

                await Task.Delay(Min(retryDelay, remaining), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (handle is null)
            {
                // Ends the session, so nothing taken on it can linger.
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
