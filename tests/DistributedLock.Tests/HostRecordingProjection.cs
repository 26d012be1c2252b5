using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Portal.DistributedLock.Tests;

public sealed record Pinged(int Batch, int Number);

/// <summary>One document per projection of an event, so projecting an event twice shows up as two documents.</summary>
public sealed class ProjectedEvent
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public int Batch { get; set; }
    public string Host { get; set; } = "";
}

/// <summary>Records which host projected each <see cref="Pinged"/> event.</summary>
public sealed class HostRecordingProjection(string hostName) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var @event in events)
        {
            if (@event.Data is Pinged pinged)
            {
                operations.Store(new ProjectedEvent
                {
                    Id = Guid.NewGuid(), EventId = @event.Id, Batch = pinged.Batch, Host = hostName,
                });
            }
        }

        return Task.CompletedTask;
    }
}
