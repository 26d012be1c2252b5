using System.Collections.Concurrent;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Tests.Messages;
using Portal.Testing;

namespace Portal.ServiceDefaults.Tests.Messaging;

/// <summary>
/// A worker process wired as services are: AddPortalMarten on its own database and AddPortalMessaging on
/// its own virtual host, with an idempotent consumer, a consumer that can be poisoned, and an integration event
/// publisher (<see cref="ThingPublisher"/>) in the async daemon.
/// </summary>
public sealed class MessagingHost : IAsyncLifetime
{
    public IHost Host { get; private set; } = null!;
    public string RabbitMq { get; private set; } = null!;
    public ConsumeCounter Deliveries { get; } = new();

    public IBus Bus => Host.Services.GetRequiredService<IBus>();
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public TakenOrders Orders => Host.Services.GetRequiredService<TakenOrders>();

    public async Task InitializeAsync()
    {
        var postgres = TestInfrastructure.CreateDatabaseAsync("sd_messaging");
        var rabbitmq = TestInfrastructure.CreateVirtualHostAsync("sd-messaging");
        RabbitMq = await rabbitmq;

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ApplicationName = "servicedefaults-tests", EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:postgres"] = await postgres;
        builder.Configuration["ConnectionStrings:rabbitmq"] = RabbitMq;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TakenOrders>();
        builder.AddPortalMarten(options => options.Schema.For<AppliedEffect>())
            .AddSubscriptionWithServices<ThingPublisher>(ServiceLifetime.Singleton, _ => { });
        builder.AddPortalMessaging(bus =>
        {
            bus.AddConsumer<SomethingHappenedConsumer>();
            bus.AddConsumer<OrderConsumer>();
        });
        // Publishing before the queues are bound would drop the message, so start means started.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        Host = builder.Build();
        await Host.StartAsync();
        Bus.ConnectConsumeObserver(Deliveries);
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingHost>
{
    public const string Name = "Messaging host";
}

/// <summary>The effect of one applied message: a document of its own, so concurrent deliveries cannot lose updates.</summary>
public sealed class AppliedEffect
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public string What { get; set; } = "";
}

public sealed class SomethingHappenedConsumer(IDocumentStore store) : IdempotentConsumer<SomethingHappened>(store)
{
    protected override string TenantOf(SomethingHappened message) => message.OrganisationId.ToString();

    protected override Task ApplyAsync(ConsumeContext<SomethingHappened> context, IDocumentSession session)
    {
        session.Store(new AppliedEffect { Id = Guid.NewGuid(), MessageId = context.MessageId!.Value, What = context.Message.What });
        return Task.CompletedTask;
    }
}

public sealed class TakenOrders
{
    public ConcurrentDictionary<int, int> Attempts { get; } = new();
    public ConcurrentDictionary<int, bool> Taken { get; } = new();

    public static string RefusalOf(int number) => $"Order {number} cannot be taken: the till is on fire.";
}

public sealed class OrderConsumer(TakenOrders orders) : IConsumer<OrderPlaced>
{
    public Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var number = context.Message.Number;
        orders.Attempts.AddOrUpdate(number, 1, (_, n) => n + 1);
        if (context.Message.Poison) throw new InvalidOperationException(TakenOrders.RefusalOf(number));
        orders.Taken[number] = true;
        return Task.CompletedTask;
    }
}

/// <summary>Counts finished deliveries per message id (consumed or faulted), so tests wait for facts, not time.</summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> finished = new();

    public int FinishedFor(Guid messageId) => finished.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Count(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Count(context);

    private Task Count(ConsumeContext context)
    {
        if (context.MessageId is { } id) finished.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T?>> probe, TimeSpan within, string what) where T : class
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{what} did not happen within {within.TotalSeconds} s.");
    }

    public static Task True(Func<bool> condition, TimeSpan within, string what) =>
        Get<object>(() => Task.FromResult(condition() ? new object() : null), within, what);
}
