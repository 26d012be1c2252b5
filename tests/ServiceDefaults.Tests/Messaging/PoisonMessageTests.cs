using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Portal.ServiceDefaults.Tests.Messages;

namespace Portal.ServiceDefaults.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class PoisonMessageTests(MessagingHost host)
{
    [Fact]
    public async Task A_message_that_keeps_failing_lands_in_the_error_queue_with_the_reason_and_the_endpoint_keeps_consuming()
    {
        var poison = Random.Shared.Next(1_000_000, 2_000_000);
        var before = poison + 1;
        var after = poison + 2;
        var queue = host.Host.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<OrderConsumer>() + "_error";

        await host.Bus.Publish(new OrderPlaced(poison, Poison: true));
        await host.Bus.Publish(new OrderPlaced(before, Poison: false));
        await Eventually.True(() => host.Orders.Taken.ContainsKey(before), TimeSpan.FromSeconds(10),
            "A good order consumed while the poisoned one is retried");

        var faulted = await Eventually.Get(() => TakeFrom(queue), TimeSpan.FromSeconds(20), $"A message in {queue}");
        Assert.Equal(TakenOrders.RefusalOf(poison), HeaderText(faulted, "MT-Fault-Message"));
        Assert.Contains(poison.ToString(), Encoding.UTF8.GetString(faulted.Body.Span));
        // The first attempt and the three configured retries (200 ms, 1 s, 5 s).
        Assert.Equal(4, host.Orders.Attempts[poison]);
        Assert.False(host.Orders.Taken.ContainsKey(poison));

        await host.Bus.Publish(new OrderPlaced(after, Poison: false));
        await Eventually.True(() => host.Orders.Taken.ContainsKey(after), TimeSpan.FromSeconds(10),
            "A good order consumed after the poisoned one was set aside");
    }

    private async Task<BasicGetResult?> TakeFrom(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(host.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (OperationInterruptedException)
        {
            return null; // the error queue is declared when the first fault is moved there
        }
    }

    private static string? HeaderText(BasicGetResult message, string header) =>
        message.BasicProperties.Headers?.TryGetValue(header, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), _ => value?.ToString() }
            : null;
}
