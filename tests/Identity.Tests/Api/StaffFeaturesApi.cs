using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.TestIssuer;
using Portal.Institution.Contracts;
using Portal.Testing;

namespace Portal.Identity.Tests.Api;

/// <summary>
/// Identity over HTTP against real PostgreSQL and RabbitMQ, like <see cref="IdentityApi"/>, and with a hand on the
/// service's own bus: Institution's messages are published to the broker and the test waits until the service's
/// consumer has applied them, as it would when Institution publishes them.
/// </summary>
public sealed class StaffFeaturesApi : IAsyncLifetime
{
    public const string Audience = "portal-identity";

    private WebApplicationFactory<Program> factory = null!;
    private TestTokenIssuer issuer = null!;
    private readonly ConsumedMessages consumed = new();

    public async Task InitializeAsync()
    {
        var postgres = await TestInfrastructure.CreateDatabaseAsync("identity_staff");
        var rabbitMq = await TestInfrastructure.CreateVirtualHostAsync("identity-staff");
        issuer = await TestTokenIssuer.StartAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", rabbitMq);
            web.UseSetting("Portal:Auth:Authority", issuer.Authority);
            web.UseSetting("OTEL_SERVICE_NAME", "identity");
            web.StartBusBeforeServing();
        });
        factory.CreateClient();
        factory.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
    }

    public HttpClient Anonymous() => factory.CreateClient();

    public HttpClient As(TokenRequest caller)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Mint(caller));
        return client;
    }

    public HttpClient District(Guid org, Guid? subject = null) =>
        As(Callers.DistrictAdministrator(Audience, org) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Customer(Guid org, Guid? subject = null) =>
        As(Callers.CustomerAdministrator(Audience, org) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Building(Guid org, Guid school, Guid? subject = null) =>
        As(Callers.BuildingAdministrator(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Teacher(Guid org, Guid school, Guid? subject = null) =>
        As(Callers.Teacher(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    /// <summary>Publishes as Institution would and waits until Identity's consumer has applied the message.</summary>
    public async Task Publish<T>(T message) where T : class
    {
        var id = NewId.NextGuid();
        await factory.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
        await consumed.WaitFor(id, TimeSpan.FromSeconds(30));
    }

    /// <summary>A school registered in Institution, known to Identity once this returns.</summary>
    public async Task<Guid> School(Guid org, string name, string? code = null)
    {
        var id = Guid.NewGuid();
        await Publish(new InstitutionRegistered(org, id, name, code ?? $"S{Random.Shared.Next(100_000, 999_999)}", "Secondary", [], DateTimeOffset.UtcNow));
        return id;
    }

    /// <summary>Registers a staff account as a District Administrator of the organisation and answers its id.</summary>
    public async Task<Guid> StaffAccount(Guid org, string staffType, Guid[]? schools = null, string? email = null)
    {
        var response = await District(org).Post("/staff", new
        {
            email = email ?? $"{Guid.NewGuid():N}@trust.example.org",
            givenName = "Robin",
            familyName = "Hale",
            staffType,
            institutions = schools ?? [],
        });
        return (await response.ShouldBe(System.Net.HttpStatusCode.Created)).Id();
    }

    public Task Cluster(Guid org, Guid cluster, string name, long version, params Guid[] schools) =>
        Publish(new ClusterMembershipChanged(org, cluster, name, schools, version, DateTimeOffset.UtcNow));

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await issuer.DisposeAsync();
    }

    /// <summary>Deliveries finished by the service's consumers, so tests wait for facts rather than time.</summary>
    private sealed class ConsumedMessages : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, bool> consumed = new();
        private readonly ConcurrentDictionary<Guid, Exception> faults = new();

        // A fault may be followed by a successful retry, so only a consume counts; the last fault explains a timeout.
        public async Task WaitFor(Guid messageId, TimeSpan within)
        {
            var deadline = DateTime.UtcNow + within;
            while (DateTime.UtcNow < deadline)
            {
                if (consumed.ContainsKey(messageId)) return;
                await Task.Delay(50);
            }
            throw new TimeoutException($"Message {messageId} was not consumed within {within.TotalSeconds} s.", faults.GetValueOrDefault(messageId));
        }

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id) consumed[id] = true;
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
        {
            if (context.MessageId is { } id) faults[id] = exception;
            return Task.CompletedTask;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StaffFeaturesApiCollection : ICollectionFixture<StaffFeaturesApi>
{
    public const string Name = "Identity staff features API";
}
