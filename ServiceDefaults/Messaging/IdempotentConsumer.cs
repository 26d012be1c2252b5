using Marten;
using JasperFx;
using MassTransit;
using Portal.ServiceDefaults.Persistence;

namespace Portal.ServiceDefaults.Messaging;

/// <summary>
/// Applies a message at most once: its effect and a <see cref="HandledMessage"/> marker keyed by the
/// message id are saved in one transaction, so a redelivery either sees the marker or fails the insert.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(IDocumentStore store) : IConsumer<TMessage> where TMessage : class
{
    /// <summary>The organisation (tenant) whose data the message changes.</summary>
    protected abstract string TenantOf(TMessage message);

    protected abstract Task ApplyAsync(ConsumeContext<TMessage> context, IDocumentSession session);

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = (context.MessageId ?? throw new InvalidOperationException("The message carries no message id.")).ToString();
        await using var session = store.LightweightSession(TenantOf(context.Message));
        if (await session.LoadAsync<HandledMessage>(messageId, context.CancellationToken) is not null) return;

        await ApplyAsync(context, session);
        session.Insert(new HandledMessage
        {
            Id = messageId, MessageType = typeof(TMessage).FullName!, HandledAt = DateTimeOffset.UtcNow,
        });
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocumentType == typeof(HandledMessage))
        {
            // A concurrent delivery of the same message committed first; its effect stands and ours is discarded.
            // Any other document that already exists is a lost race on the effect itself: it fails, and is retried.
        }
    }
}
