using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Testing;

namespace Portal.DistributedLock.Tests;

/// <summary>Marten's async daemon in HotCold mode, whose leader election runs on the compat lock package.</summary>
public class HotColdDaemonTests
{
    private const int BatchSize = 10;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_hosts_project_each_event_exactly_once_and_the_standby_takes_over_when_the_leader_stops(
        bool transactionScopedLock)
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync("hotcold");

        await using var hostA = await MartenHost.StartAsync("A", connectionString, transactionScopedLock);
        await AppendBatchAsync(hostA.Store, batch: 1);
        await WaitForProjectedAsync(hostA.Store, batch: 1);

        await using var hostB = await MartenHost.StartAsync("B", connectionString, transactionScopedLock);
        await AppendBatchAsync(hostB.Store, batch: 2);
        await WaitForProjectedAsync(hostB.Store, batch: 2);

        var stopping = Stopwatch.StartNew();
        await hostA.DisposeAsync();
        var stopTime = stopping.Elapsed;
        await AppendBatchAsync(hostB.Store, batch: 3);
        await WaitForProjectedAsync(hostB.Store, batch: 3);
        var takeoverTime = stopping.Elapsed;

        await using var session = hostB.Store.QuerySession();
        var projected = await session.Query<ProjectedEvent>().ToListAsync();
        Assert.Equal(3 * BatchSize, projected.Count);
        Assert.Equal(3 * BatchSize, projected.Select(x => x.EventId).Distinct().Count());
        Assert.All(projected.Where(x => x.Batch <= 2), x => Assert.Equal("A", x.Host));
        Assert.All(projected.Where(x => x.Batch == 3), x => Assert.Equal("B", x.Host));
        Assert.True(takeoverTime < TimeSpan.FromSeconds(15), $"A stopped in {stopTime}, B projected after {takeoverTime}");
    }

    private static async Task AppendBatchAsync(IDocumentStore store, int batch)
    {
        await using var session = store.LightweightSession();
        var events = Enumerable.Range(1, BatchSize).Select(number => (object)new Pinged(batch, number)).ToArray();
        session.Events.StartStream(Guid.NewGuid(), events);
        await session.SaveChangesAsync();
    }

    private static async Task WaitForProjectedAsync(IDocumentStore store, int batch)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var session = store.QuerySession();
            var count = await session.Query<ProjectedEvent>().CountAsync(x => x.Batch == batch);
            if (count >= BatchSize)
            {
                return;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException($"Batch {batch}: {count} of {BatchSize} events projected after {waited.Elapsed}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A started host running the async daemon in HotCold mode; disposing it stops it.</summary>
    private sealed class MartenHost(IHost host) : IAsyncDisposable
    {
        private bool _stopped;

        public IDocumentStore Store { get; } = host.Services.GetRequiredService<IDocumentStore>();

        public static async Task<MartenHost> StartAsync(string name, string connectionString, bool transactionScopedLock)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddMarten(options =>
                {
                    options.Connection(connectionString);
                    options.Schema.For<ProjectedEvent>();
                    options.Projections.Add(new HostRecordingProjection(name), ProjectionLifecycle.Async, "HostRecording");

                    // Weasel then asks the lock package for UseTransaction() instead of UseMultiplexing().
                    options.Events.UseAdvisoryLockTransaction = transactionScopedLock;

                    // The default polls for leadership every 5 s; faster polling makes the takeover quick to test.
                    options.Projections.LeadershipPollingTime = 200;
                })
                .ApplyAllDatabaseChangesOnStartup()
                .AddAsyncDaemon(DaemonMode.HotCold);

            var host = builder.Build();
            await host.StartAsync();
            return new MartenHost(host);
        }

        public async ValueTask DisposeAsync()
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            await host.StopAsync();
            host.Dispose();
        }
    }
}
