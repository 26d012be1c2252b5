using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Portal.ServiceDefaults.Persistence;

namespace Portal.ServiceDefaults.Messaging;

/// <summary>
/// Publishes integration messages derived from committed events (no dual write). Runs in the async
/// daemon, so on one node at a time; a replay after a crash publishes again with the same message id
/// (the event's id), which idempotent consumers recognise.
/// </summary>
public abstract class IntegrationEventPublisher(IBus bus) : SubscriptionBase
{
    /// <summary>
    /// The contract message for a domain event, or null when the event stays inside the service. The
    /// operations belong to the event's tenant, for messages that carry the aggregate as of that event.
    /// </summary>
    protected abstract ValueTask<object?> ToMessage(IEvent @event, IDocumentOperations operations, CancellationToken cancellationToken);

    /// <summary>
    /// Further messages the same event stands for (e.g. a move is also a change of the student). Each gets a message id
    /// derived from the event's id and its type, so consumers recognise a replay of each one.
    /// </summary>
    protected virtual ValueTask<IReadOnlyList<object>> ToFollowingMessages(
        IEvent @event, IDocumentOperations operations, CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<object>>([]);

    /// <summary>The aggregate as the event left it, so a replayed or late publication says what was true then.</summary>
    protected static async Task<T> AsOf<T>(IDocumentOperations operations, IEvent @event, CancellationToken cancellationToken) where T : class =>
        await operations.Events.AggregateStreamAsync<T>(@event.StreamId, @event.Version, token: cancellationToken)
        ?? throw new InvalidOperationException($"Stream {@event.StreamId} has no {typeof(T).Name} at version {@event.Version}.");

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var @event in page.Events)
        {
            var tenantOperations = TenantOperations(operations, @event);
            if (await ToMessage(@event, tenantOperations, cancellationToken) is { } message)
                await Publish(message, @event.Id, @event.TenantId, cancellationToken);
            foreach (var following in await ToFollowingMessages(@event, tenantOperations, cancellationToken))
                await Publish(following, NameBasedGuid.Create(@event.Id, following.GetType().FullName!), @event.TenantId, cancellationToken);
        }
        return NullChangeListener.Instance;
    }

    private Task Publish(object message, Guid messageId, string? tenant, CancellationToken cancellationToken) =>
        bus.Publish(message, message.GetType(), context =>
        {
            context.MessageId = messageId;
            context.Headers.Set("Portal-Organisation", tenant);
        }, cancellationToken);

    private static IDocumentOperations TenantOperations(IDocumentOperations operations, IEvent @event) =>
        string.IsNullOrEmpty(@event.TenantId) ? operations : (IDocumentOperations)operations.ForTenant(@event.TenantId);
}
