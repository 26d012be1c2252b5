using System.Diagnostics;
using Npgsql;

namespace Portal.DistributedLock.Tests;

/// <summary>
/// The compat Medallion.Threading.Postgres (Patched.DistributedLock.Postgres, restored through Marten) against a real
/// server, with session and transaction locks, on multiplexed and plain data sources.
/// </summary>
public class PostgresDistributedLockTests
{
    public static TheoryData<bool, bool> Modes => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_second_contender_gets_no_handle_while_the_first_holds_the_lock(bool multiplexing, bool inTransaction)
    {
        await using var dataSource = await LockDatabase.CreateAsync(multiplexing);
        var key = LockDatabase.NewKey();
        var holder = LockDatabase.Lock(dataSource, key, inTransaction);
        var contender = LockDatabase.Lock(dataSource, key, inTransaction);

        await using var held = await holder.TryAcquireAsync();
        Assert.NotNull(held);

        Assert.Null(await contender.TryAcquireAsync(TimeSpan.Zero));
        var waited = Stopwatch.StartNew();
        Assert.Null(await contender.TryAcquireAsync(TimeSpan.FromMilliseconds(300)));
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(290), TimeSpan.FromSeconds(3));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Disposing_the_handle_releases_the_lock_to_a_waiting_contender(bool multiplexing, bool inTransaction)
    {
        await using var dataSource = await LockDatabase.CreateAsync(multiplexing);
        var key = LockDatabase.NewKey();
        var holder = LockDatabase.Lock(dataSource, key, inTransaction);
        var contender = LockDatabase.Lock(dataSource, key, inTransaction);

        var held = await holder.TryAcquireAsync();
        Assert.NotNull(held);
        var waiting = contender.TryAcquireAsync(TimeSpan.FromSeconds(10)).AsTask();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await held.DisposeAsync();

        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(taken);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Terminating_the_holders_backend_cancels_HandleLostToken_and_frees_the_lock(
        bool multiplexing, bool inTransaction)
    {
        await using var dataSource = await LockDatabase.CreateAsync(multiplexing);
        var key = LockDatabase.NewKey();
        await using var held = await LockDatabase.Lock(dataSource, key, inTransaction).TryAcquireAsync();
        Assert.NotNull(held);
        var lost = new TaskCompletionSource();
        held.HandleLostToken.Register(() => lost.TrySetResult());

        var pid = await LockDatabase.HolderPidAsync(dataSource, key);
        Assert.NotNull(pid);
        await using (var terminate = dataSource.CreateCommand("SELECT pg_terminate_backend($1)"))
        {
            terminate.Parameters.Add(new NpgsqlParameter { Value = pid.Value });
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }

        var noticed = Stopwatch.StartNew();
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(noticed.Elapsed < TimeSpan.FromSeconds(3), $"noticed after {noticed.Elapsed}");
        await using var retaken = await LockDatabase.Lock(dataSource, key, inTransaction).TryAcquireAsync(TimeSpan.FromSeconds(2));
        Assert.NotNull(retaken);
    }

    [Fact]
    public async Task Waiting_for_a_held_lock_stops_when_cancelled()
    {
        await using var dataSource = await LockDatabase.CreateAsync(multiplexing: false);
        var key = LockDatabase.NewKey();
        await using var held = await LockDatabase.Lock(dataSource, key, inTransaction: false).TryAcquireAsync();
        Assert.NotNull(held);

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var waiting = LockDatabase.Lock(dataSource, key, inTransaction: false)
            .TryAcquireAsync(Timeout.InfiniteTimeSpan, cancellation.Token).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
