using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Portal.ServiceDefaults.Tests.Messaging;

/// <summary>
/// An append whose transaction commits long after later appends (a slow import, a stalled connection) leaves a gap in
/// the event sequence that the async daemon sees first. The daemon must wait for it rather than skip it as stale, or
/// the integration message for that event is never published and downstream never hears of it.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class LateCommitTests(MessagingHost host)
{
    [Fact]
    public async Task An_event_committed_after_the_stale_sequence_threshold_is_still_published_exactly_once()
    {
        var organisation = Guid.NewGuid();
        var first = $"first {Guid.NewGuid():N}";
        var slow = $"slow {Guid.NewGuid():N}";
        var fast = $"fast {Guid.NewGuid():N}";
        var threshold = ((StoreOptions)host.Store.Options).Projections.StaleSequenceThreshold;

        // The daemon is running and publishing before the gap opens.
        await AppendAsync(organisation, first);
        await AppliedOnceAsync(organisation, first);

        await using var connection = await host.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(transaction);
        options.TenantId = organisation.ToString();
        await using (var late = host.Store.LightweightSession(options))
        {
            late.Events.StartStream(Guid.NewGuid(), new ThingRecorded(slow));
            await late.SaveChangesAsync(); // written, sequence number taken, not committed: the transaction is ours
        }
        await AppendAsync(organisation, fast);

        // Keep the gap open well past the threshold after which the daemon used to consider it abandoned. A daemon that
        // skipped it would publish the later event now and the late one never.
        await Task.Delay(threshold * 3);
        await transaction.CommitAsync();

        await AppliedOnceAsync(organisation, slow);
        await AppliedOnceAsync(organisation, fast);
        Assert.Equal(1, await Applied(organisation, first));
    }

    [Fact]
    public async Task A_transaction_left_idle_is_ended_by_the_server_so_it_cannot_hold_the_daemon_for_ever()
    {
        await using var connection = await host.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand("show idle_in_transaction_session_timeout", connection);
        Assert.Equal("2min", await command.ExecuteScalarAsync());
    }

    private async Task AppendAsync(Guid organisation, string what)
    {
        await using var session = host.Store.LightweightSession(organisation.ToString());
        session.Events.StartStream(Guid.NewGuid(), new ThingRecorded(what));
        await session.SaveChangesAsync();
    }

    private async Task AppliedOnceAsync(Guid organisation, string what)
    {
        await Eventually.Get(async () => await Applied(organisation, what) >= 1 ? "" : null, TimeSpan.FromSeconds(30),
            $"The event '{what}' published and applied");
        Assert.Equal(1, await Applied(organisation, what));
    }

    private async Task<int> Applied(Guid organisation, string what)
    {
        await using var session = host.Store.QuerySession(organisation.ToString());
        return await session.Query<AppliedEffect>().CountAsync(e => e.What == what);
    }
}
