using System.Net.Sockets;

namespace Portal.AppHost.Infrastructure;

/// <summary>A RabbitMQ broker reached through an amqp:// URI, ours or one given to us; Node is known when
/// rabbitmqctl can reach it (needed only to create virtual hosts).</summary>
public sealed record RabbitMqConnection(Uri AmqpUri, RabbitMqNode? Node)
{
    public string UserName => Uri.UnescapeDataString(AmqpUri.UserInfo.Split(':')[0]);

    public Uri ForVirtualHost(string virtualHost) =>
        new UriBuilder(AmqpUri) { Path = "/" + Uri.EscapeDataString(virtualHost) }.Uri;

    public async Task<Uri> CreateVirtualHostAsync(string virtualHost, CancellationToken cancellationToken)
    {
        var node = Node ?? throw new InvalidOperationException(
            $"Cannot create a RabbitMQ virtual host: the broker's node is unknown. Set {RabbitMqNode.NameVariable}, " +
            $"{RabbitMqNode.CookieHomeVariable} and {RabbitMqNode.EpmdPortVariable} (./portal test does) or unset " +
            "ConnectionStrings__rabbitmq to let the tests start their own broker.");
        await node.ControlCheckedAsync(["add_vhost", virtualHost], cancellationToken);
        await node.ControlCheckedAsync(["set_permissions", "-p", virtualHost, UserName, ".*", ".*", ".*"], cancellationToken);
        return ForVirtualHost(virtualHost);
    }

    public async Task DeleteVirtualHostAsync(string virtualHost, CancellationToken cancellationToken)
    {
        if (Node is not null) await Node.ControlCheckedAsync(["delete_vhost", virtualHost], cancellationToken);
    }

    /// <summary>True once the broker answers an AMQP 0-9-1 protocol header with a method frame
    /// (Connection.Start): the listener is up and the broker really speaks AMQP, not just TCP.</summary>
    public async Task<bool> IsAcceptingAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(AmqpUri.Host, AmqpUri.IsDefaultPort ? 5672 : AmqpUri.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), timeout.Token);
            var frameType = new byte[1];
            var read = await stream.ReadAsync(frameType, timeout.Token);
            const byte methodFrame = 1;
            return read == 1 && frameType[0] == methodFrame;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task WaitUntilAcceptingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await IsAcceptingAsync(cancellationToken))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"RabbitMQ at {AmqpUri.Host}:{AmqpUri.Port} did not accept AMQP within {timeout}.");
            await Task.Delay(250, cancellationToken);
        }
    }
}
