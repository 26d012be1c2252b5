using Marten;
using MassTransit;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Tests.Messages;

namespace Portal.ServiceDefaults.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class IdempotentConsumerTests(MessagingHost host)
{
    [Fact]
    public async Task A_redelivered_message_id_is_applied_once_and_each_distinct_id_once()
    {
        var organisation = Guid.NewGuid();
        var message = new SomethingHappened(organisation, "pupil enrolled");
        var repeated = NewId.NextGuid();
        var other = NewId.NextGuid();

        await host.Bus.Publish(message, c => c.MessageId = repeated);
        await host.Bus.Publish(message, c => c.MessageId = repeated);
        await host.Bus.Publish(message, c => c.MessageId = other);
        await Eventually.True(() => host.Deliveries.FinishedFor(repeated) >= 2 && host.Deliveries.FinishedFor(other) >= 1,
            TimeSpan.FromSeconds(20), "All three deliveries");

        await using var tenant = host.Store.QuerySession(organisation.ToString());
        var effects = await tenant.Query<AppliedEffect>().ToListAsync();
        Assert.Equal(2, effects.Count);
        Assert.Equal(new[] { other, repeated }.Order(), effects.Select(e => e.MessageId).Order());

        await using var session = host.Store.QuerySession();
        var markers = await session.Query<HandledMessage>()
            .Where(h => h.Id == repeated.ToString() || h.Id == other.ToString()).ToListAsync();
        Assert.Equal(2, markers.Count);
        Assert.All(markers, m => Assert.Equal(typeof(SomethingHappened).FullName, m.MessageType));
    }

    [Fact]
    public async Task The_effect_lands_in_the_tenant_the_consumer_names()
    {
        var organisation = Guid.NewGuid();
        var id = NewId.NextGuid();

        await host.Bus.Publish(new SomethingHappened(organisation, "class renamed"), c => c.MessageId = id);
        await Eventually.True(() => host.Deliveries.FinishedFor(id) >= 1, TimeSpan.FromSeconds(20), "The delivery");

        await using var own = host.Store.QuerySession(organisation.ToString());
        await using var stranger = host.Store.QuerySession(Guid.NewGuid().ToString());
        Assert.Single(await own.Query<AppliedEffect>().Where(e => e.MessageId == id).ToListAsync());
        Assert.Empty(await stranger.Query<AppliedEffect>().Where(e => e.MessageId == id).ToListAsync());
    }

    [Fact]
    public async Task A_message_id_is_recorded_once_for_the_whole_service_not_per_organisation()
    {
        // HandledMessage is single-tenanted on purpose: the same message replayed under another tenant is still a replay.
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var id = NewId.NextGuid();

        await host.Bus.Publish(new SomethingHappened(first, "fee paid"), c => c.MessageId = id);
        await Eventually.True(() => host.Deliveries.FinishedFor(id) >= 1, TimeSpan.FromSeconds(20), "The first delivery");
        await host.Bus.Publish(new SomethingHappened(second, "fee paid"), c => c.MessageId = id);
        await Eventually.True(() => host.Deliveries.FinishedFor(id) >= 2, TimeSpan.FromSeconds(20), "The second delivery");

        await using var firstTenant = host.Store.QuerySession(first.ToString());
        await using var secondTenant = host.Store.QuerySession(second.ToString());
        Assert.Single(await firstTenant.Query<AppliedEffect>().ToListAsync());
        Assert.Empty(await secondTenant.Query<AppliedEffect>().ToListAsync());
    }
}
