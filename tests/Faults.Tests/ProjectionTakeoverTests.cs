using System.Diagnostics;
using Portal.EndToEnd.Tests;
using Xunit.Abstractions;

namespace Portal.Faults.Tests;

/// <summary>
/// Roster runs as two nodes; under the async daemon's HotCold mode only one of them runs the projections and the
/// publisher that tells Identity about students. That node is killed mid-load: the standby takes every lock over and
/// publishes what the dead node had committed but not yet published, and every accepted student is still counted once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ProjectionTakeoverTests(FaultSystemFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan TakeoverLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task When_the_active_projection_host_dies_the_standby_takes_over_and_nothing_is_lost_or_doubled()
    {
        var database = fixture.System.DatabaseConnectionString("roster");
        var standby = await fixture.System.StartReplicaAsync("roster");
        // The other faults run against one Roster node, as they were written: the standby goes when this test ends.
        await using var replica = new Replica(fixture, standby);
        IReadOnlyList<ProjectionLock> before = [];
        await Waiting.Until(async () => (before = await ProjectionLocks.ReadAsync(database)).Count > 0,
            "Roster's daemon to hold its projection locks", TakeoverLimit);
        var leader = Assert.Single(before.Select(l => l.Holder).Distinct());

        var takeover = TimeSpan.Zero;
        IReadOnlyList<ProjectionLock> after = [];
        await new FaultRun(fixture, output).RunAsync("Roster's HotCold projection host killed; standby takes over", async () =>
        {
            var leaderNow = Assert.Single((await ProjectionLocks.ReadAsync(database)).Select(l => l.Holder).Distinct());
            var successor = leaderNow == standby ? "roster" : standby;
            var clock = Stopwatch.StartNew();
            fixture.System.Kill(leaderNow);
            await Waiting.Until(async () =>
            {
                after = await ProjectionLocks.ReadAsync(database);
                return after.Count >= before.Count && after.All(l => l.Holder == successor);
            }, $"{successor} to take over the projection locks {leaderNow} held", TakeoverLimit);
            takeover = clock.Elapsed;
            await fixture.System.WaitUntilHealthyAsync(leaderNow, TimeSpan.FromMinutes(2));
        });

        output.WriteLine($"locks held by {leader} before: {string.Join(", ", before.Select(l => l.Key))}");
        output.WriteLine($"held after the kill: {string.Join(", ", after.Select(l => $"{l.Key} by {l.Holder}"))}, taken over in {takeover.TotalSeconds:0.0} s");
        Assert.Equal(before.Select(l => l.Key).ToHashSet(), after.Select(l => l.Key).ToHashSet());
    }
}

/// <summary>Stops a replica when the test that started it ends, whatever its outcome.</summary>
internal sealed class Replica(FaultSystemFixture fixture, string instance) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await fixture.System.StopReplicaAsync(instance);
}
