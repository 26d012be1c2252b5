using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.Testing;

/// <summary>
/// A separate bus on a service's virtual host, as another service or an MIS producer would have: it collects every
/// message of the listened types the service publishes, and publishes messages to the service.
/// </summary>
public sealed class MessageListener : IAsyncDisposable
{
    private readonly IHost host;
    private readonly ConcurrentQueue<object> received;

    private MessageListener(IHost host, ConcurrentQueue<object> received)
    {
        this.host = host;
        this.received = received;
    }

    /// <param name="queueName">The listener's own queue, distinct from the service's.</param>
    public static async Task<MessageListener> StartAsync(string rabbitmq, string queueName, params Type[] listenedTypes)
    {
        var received = new ConcurrentQueue<object>();
        var uri = new Uri(rabbitmq);
        var host = Host.CreateDefaultBuilder().ConfigureServices(services =>
        {
            services.AddSingleton(received);
            services.StartBusBeforeServing();
            services.AddMassTransit(bus =>
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    var user = uri.UserInfo.Split(':');
                    rabbit.Host(uri.Host, (ushort)uri.Port, Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), h =>
                    {
                        h.Username(Uri.UnescapeDataString(user[0]));
                        h.Password(Uri.UnescapeDataString(user[1]));
                    });
                    rabbit.ReceiveEndpoint(queueName, endpoint =>
                    {
                        foreach (var type in listenedTypes)
                            endpoint.Consumer(typeof(Collector<>).MakeGenericType(type), _ => Activator.CreateInstance(
                                typeof(Collector<>).MakeGenericType(type), received)!);
                    });
                });
            });
        }).Build();
        await host.StartAsync();
        return new MessageListener(host, received);
    }

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    public Task PublishAsync<T>(T message) where T : class => Bus.Publish(message);

    /// <summary>Waits until a message of the type matching the predicate arrives (or fails after the timeout).</summary>
    public async Task<T> WaitFor<T>(Func<T, bool> match, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (received.OfType<T>().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {typeof(T).Name} matching the condition arrived within {seconds} s; received: "
                                   + string.Join(", ", received.GroupBy(m => m.GetType().Name).Select(g => $"{g.Count()} × {g.Key}")));
    }

    public IReadOnlyList<T> All<T>() => received.OfType<T>().ToList();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private sealed class Collector<T>(ConcurrentQueue<object> received) : IConsumer<T> where T : class
    {
        public Task Consume(ConsumeContext<T> context)
        {
            received.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
