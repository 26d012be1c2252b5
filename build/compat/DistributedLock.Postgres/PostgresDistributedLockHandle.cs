using System.Data.Common;

namespace Medallion.Threading.Postgres;

/// <summary>A held <see cref="PostgresDistributedLock"/>. Disposing it releases the lock.</summary>
public sealed class PostgresDistributedLockHandle : IAsyncDisposable
{
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(1);

    // Generous, so a briefly slow server is not mistaken for a lost lock.
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly PostgresAdvisoryLockKey _key;
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopKeepAlive = new();
    private readonly Task _keepAlive;
    private readonly Lazy<Task> _release;

    internal PostgresDistributedLockHandle(PostgresAdvisoryLockKey key, DbConnection connection, DbTransaction? transaction)
    {
        _key = key;
        _connection = connection;
        _transaction = transaction;
        _keepAlive = Task.Run(KeepAliveAsync);
        _release = new Lazy<Task>(ReleaseAsync);
    }

    /// <summary>Cancelled when the connection holding the lock stops answering, i.e. the lock may be gone.</summary>
    public CancellationToken HandleLostToken => _lost.Token;

    /// <summary>Releases the lock and closes its connection. Safe to call more than once.</summary>
    public ValueTask DisposeAsync() => new(_release.Value);

    private async Task KeepAliveAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(KeepAliveInterval);
            while (await timer.WaitForNextTickAsync(_stopKeepAlive.Token).ConfigureAwait(false))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopKeepAlive.Token);
                timeout.CancelAfter(KeepAliveTimeout);
                await DedicatedConnection.QueryAsync<int>(_connection, _transaction, "SELECT 1", key: null, timeout.Token)
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopKeepAlive.IsCancellationRequested)
        {
            // Released by DisposeAsync.
        }
        catch (Exception)
        {
            await _lost.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task ReleaseAsync()
    {
        // The keep-alive shares the connection, which takes one command at a time.
        await _stopKeepAlive.CancelAsync().ConfigureAwait(false);
        await _keepAlive.ConfigureAwait(false);

        try
        {
            if (!_lost.IsCancellationRequested)
            {
                using var timeout = new CancellationTokenSource(ReleaseTimeout);
                if (_transaction is not null)
                {
                    await _transaction.RollbackAsync(timeout.Token).ConfigureAwait(false);
                }
                else
                {
                    await DedicatedConnection.QueryAsync<bool>(
                        _connection, null, "SELECT pg_advisory_unlock(@key)", _key.Value, timeout.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception)
        {
            // Closing the connection below ends the session, which releases the lock all the same.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _stopKeepAlive.Dispose();
        }
    }
}
