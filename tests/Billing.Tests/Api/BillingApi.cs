using Marten;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Contracts;
using Portal.TestIssuer;

namespace Portal.Billing.Tests.Api;

/// <summary>
/// The Billing service over HTTP against real PostgreSQL (its own database) and RabbitMQ (its own virtual host), with
/// tokens from the test issuer and a listener on the broker that collects what Billing publishes and publishes what
/// Identity and Institution would. Tests isolate themselves by working in fresh organisations (tenants).
/// </summary>
public sealed class BillingApi : IAsyncLifetime
{
    public const string Audience = "portal-billing";

    private ServiceUnderTest<Program> service = null!;

    /// <summary>Messages the service published; also publishes other services' messages to it.</summary>
    public MessageListener Bus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        service = await ServiceUnderTest<Program>.StartAsync("billing", new Dictionary<string, string?>
        {
            // Tests issue invoices themselves; the background check never runs during a test run.
            ["Portal:Billing:IssueCheckInterval"] = "1.00:00:00",
        });
        Bus = await MessageListener.StartAsync(service.RabbitMq, "billing-tests-listener", typeof(InvoiceIssued));
    }

    public IServiceProvider Services => service.Services;

    public IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public HttpClient Anonymous() => service.Anonymous();

    public HttpClient As(TokenRequest caller, Guid? actingOn = null) => service.As(caller, actingOn);

    public HttpClient Operator(Guid actingOn) => As(Callers.Operator(Audience), actingOn);

    /// <summary>Finance's machine client: client credentials with the billing-read scope.</summary>
    public HttpClient Finance() => As(Callers.MachineClient(Audience, "billing-read"));

    public HttpClient District(Guid org) => As(Callers.DistrictAdministrator(Audience, org));

    public HttpClient Customer(Guid org) => As(Callers.CustomerAdministrator(Audience, org));

    public HttpClient Building(Guid org, Guid school) => As(Callers.BuildingAdministrator(Audience, org, school));

    public HttpClient Teacher(Guid org, Guid school) => As(Callers.Teacher(Audience, org, school));

    /// <summary>Reads in the organisation until the read answers something done (messages arrive asynchronously); null after 10 s.</summary>
    public async Task<T?> Eventually<T>(Guid org, Func<IQuerySession, Task<T?>> read, Func<T, bool> done) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            await using (var session = Store.QuerySession(org.ToString()))
                if (await read(session) is { } value && done(value)) return value;
            await Task.Delay(100);
        }
        return null;
    }

    public async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        await service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BillingApiCollection : ICollectionFixture<BillingApi>
{
    public const string Name = "Billing API";
}
