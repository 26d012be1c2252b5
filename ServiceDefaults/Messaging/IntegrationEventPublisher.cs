using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;

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

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var @event in page.Events)
        {
            if (await ToMessage(@event, TenantOperations(operations, @event), cancellationToken) is not { } message) continue;
            await bus.Publish(message, message.GetType(), context =>
            {
                context.MessageId = @event.Id;
                context.Headers.Set("Portal-Organisation", @event.TenantId);
            }, cancellationToken);
        }
        return NullChangeListener.Instance;
    }

    private static IDocumentOperations TenantOperations(IDocumentOperations operations, IEvent @event) =>
        string.IsNullOrEmpty(@event.TenantId) ? operations : (IDocumentOperations)operations.ForTenant(@event.TenantId);
}
