using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Portal.MisSync;

/// <summary>
/// Publishes MIS messages to Roster with nothing but an AMQP client, exactly as README "MIS sync producers" documents
/// for a producer in any language: one fanout exchange per message type, named after the type, and MassTransit's JSON
/// envelope. Publisher confirms are on, and a message no queue takes (Roster has never started on this virtual host)
/// is an error rather than silently dropped.
/// </summary>
public sealed class MisMessagePublisher : IAsyncDisposable
{
    public const string ContentType = "application/vnd.masstransit+json";
    public const string ContractsNamespace = "Portal.Roster.Contracts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly HashSet<string> declared = [];

    private MisMessagePublisher(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    /// <param name="rabbitMq">amqp://user:password@host:port/virtual-host</param>
    public static async Task<MisMessagePublisher> ConnectAsync(Uri rabbitMq, CancellationToken cancellation = default)
    {
        var factory = new ConnectionFactory { Uri = rabbitMq, ClientProvidedName = "portal-mis-sync" };
        var connection = await factory.CreateConnectionAsync(cancellation);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellation);
        return new MisMessagePublisher(connection, channel);
    }

    /// <summary>The exchange of a message type: its namespace and name, as MassTransit names it.</summary>
    public static string ExchangeOf(Type messageType) => $"{ContractsNamespace}:{messageType.Name}";

    /// <summary>MassTransit's envelope: the message id (Roster applies each id once), the message type URN, the message in camelCase.</summary>
    public static byte[] Envelope<T>(T message, Guid messageId) where T : class => JsonSerializer.SerializeToUtf8Bytes(new
    {
        messageId,
        messageType = new[] { $"urn:message:{ExchangeOf(typeof(T))}" },
        sentTime = DateTimeOffset.UtcNow,
        headers = new Dictionary<string, object>(),
        message,
    }, Json);

    /// <summary>Publishes and waits for the broker to confirm it has the message.</summary>
    public async Task PublishAsync<T>(T message, Guid? messageId = null, CancellationToken cancellation = default) where T : class
    {
        var exchange = ExchangeOf(typeof(T));
        if (declared.Add(exchange))
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellation);
        var id = messageId ?? Guid.NewGuid();
        var properties = new BasicProperties
        {
            ContentType = ContentType, DeliveryMode = DeliveryModes.Persistent, MessageId = id.ToString(),
        };
        try
        {
            await channel.BasicPublishAsync(exchange, routingKey: "", mandatory: true, properties, Envelope(message, id), cancellation);
        }
        catch (PublishReturnException)
        {
            throw new InvalidOperationException(
                $"No queue is bound to exchange '{exchange}': Roster has not yet started on this virtual host, so nothing would receive the message.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
