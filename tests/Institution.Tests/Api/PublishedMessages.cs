using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Institution.Contracts;

namespace Portal.Institution.Tests.Api;

/// <summary>A separate bus on the same broker that subscribes to every Institution message, as a consuming service would.</summary>
public sealed class PublishedMessages : IAsyncDisposable
{
    private readonly IHost host;
    private readonly ConcurrentQueue<object> received;

    private PublishedMessages(IHost host, ConcurrentQueue<object> received)
    {
        this.host = host;
        this.received = received;
    }

    public static async Task<PublishedMessages> StartAsync(string rabbitmq)
    {
        var received = new ConcurrentQueue<object>();
        var uri = new Uri(rabbitmq);
        var host = Host.CreateDefaultBuilder().ConfigureServices(services =>
        {
            services.AddSingleton(received);
            services.AddMassTransit(bus =>
            {
                bus.AddConsumer<Collector>().Endpoint(e => e.Name = "institution-tests-collector");
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    var user = uri.UserInfo.Split(':');
                    rabbit.Host(uri.Host, (ushort)uri.Port, Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), h =>
                    {
                        h.Username(Uri.UnescapeDataString(user[0]));
                        h.Password(Uri.UnescapeDataString(user[1]));
                    });
                    rabbit.ConfigureEndpoints(context);
                });
            });
        }).Build();
        await host.StartAsync();
        return new PublishedMessages(host, received);
    }

    /// <summary>Waits until a message of the type matching the predicate arrives (or fails after the timeout).</summary>
    public async Task<T> WaitFor<T>(Func<T, bool> match, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (received.OfType<T>().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {typeof(T).Name} matching the condition arrived within {seconds} s; received: "
                                   + string.Join(", ", received.Select(m => m.GetType().Name)));
    }

    public IReadOnlyList<T> All<T>() => received.OfType<T>().ToList();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private sealed class Collector(ConcurrentQueue<object> received) :
        IConsumer<InstitutionRegistered>, IConsumer<ClusterMembershipChanged>, IConsumer<StudentLoginsConfigured>,
        IConsumer<StudentPortalVisibilityChanged>, IConsumer<TermCalendarSet>
    {
        public Task Consume(ConsumeContext<InstitutionRegistered> context) => Keep(context.Message);
        public Task Consume(ConsumeContext<ClusterMembershipChanged> context) => Keep(context.Message);
        public Task Consume(ConsumeContext<StudentLoginsConfigured> context) => Keep(context.Message);
        public Task Consume(ConsumeContext<StudentPortalVisibilityChanged> context) => Keep(context.Message);
        public Task Consume(ConsumeContext<TermCalendarSet> context) => Keep(context.Message);

        private Task Keep(object message)
        {
            received.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
