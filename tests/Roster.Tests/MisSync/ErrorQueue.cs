using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Portal.Roster.Tests.MisSync;

/// <summary>Reads a faulted message from Roster's MIS error queue straight off the broker, as an operator would.</summary>
public static class ErrorQueue
{
    public const string Name = "roster-mis-sync_error";

    /// <summary>The headers of the faulted message with this id (waits for it; other messages stay in the queue).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> HeadersOf(string rabbitMq, Guid messageId, int seconds = 20)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            // Unacknowledged gets on one channel walk the queue; closing the channel puts them all back.
            await using (var channel = await connection.CreateChannelAsync())
            {
                try
                {
                    while (await channel.BasicGetAsync(Name, autoAck: false) is { } message)
                        if (message.BasicProperties.MessageId == messageId.ToString())
                            return (message.BasicProperties.Headers ?? new Dictionary<string, object?>())
                                .ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? "");
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
                {
                    // MassTransit declares the error queue with the first fault it moves there.
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Message {messageId} did not reach {Name} within {seconds} s.");
    }
}
