using JasperFx.Events;
using Marten;
using MassTransit;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Tests.Messages;

namespace Portal.ServiceDefaults.Tests.Messaging;

/// <summary>A domain event of the test host, published as <see cref="SomethingHappened"/> by its subscription.</summary>
public sealed record ThingRecorded(string What);

public sealed class ThingPublisher(IBus bus) : IntegrationEventPublisher(bus)
{
    protected override ValueTask<object?> ToMessage(IEvent @event, IDocumentOperations operations, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>(@event.Data is ThingRecorded thing
            ? new SomethingHappened(Guid.Parse(@event.TenantId), thing.What)
            : null);
}
