using Marten;
using Microsoft.Extensions.DependencyInjection;
using Portal.Roster.Contracts;
using Portal.TestIssuer;

namespace Portal.Roster.Tests.Api;

/// <summary>
/// The Roster service over HTTP against real PostgreSQL (its own database) and RabbitMQ (its own virtual host), with
/// tokens from the test issuer and a listener on the broker that collects what Roster publishes and publishes what
/// MIS producers and other services would. Tests isolate themselves by working in fresh organisations (tenants).
/// </summary>
public sealed class RosterApi : IAsyncLifetime
{
    public const string Audience = "portal-roster";

    private ServiceUnderTest<Program> service = null!;

    /// <summary>Messages Roster published; also publishes MIS and other services' messages to it.</summary>
    public MessageListener Bus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        service = await ServiceUnderTest<Program>.StartAsync("roster", new Dictionary<string, string?>
        {
            ["Portal:Roster:SyncGuard:MaximumLeaverShare"] = "0.10",
        });
        Bus = await MessageListener.StartAsync(service.RabbitMq, "roster-tests-listener",
            typeof(RosterStudentChanged), typeof(StudentMoved), typeof(ClassChanged), typeof(RosterStaffImported));
    }

    public IServiceProvider Services => service.Services;

    public string RabbitMq => service.RabbitMq;

    public IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public HttpClient Anonymous() => service.Anonymous();

    public HttpClient As(TokenRequest caller, Guid? actingOn = null) => service.As(caller, actingOn);

    public HttpClient Operator(Guid actingOn) => As(Callers.Operator(Audience), actingOn);

    public HttpClient District(Guid org, Guid? subject = null) =>
        As(Callers.DistrictAdministrator(Audience, org) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Customer(Guid org, Guid? subject = null) =>
        As(Callers.CustomerAdministrator(Audience, org) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Building(Guid org, Guid school, Guid? subject = null) =>
        As(Callers.BuildingAdministrator(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Teacher(Guid org, Guid school, Guid subject) =>
        As(Callers.Teacher(Audience, org, school) with { Subject = subject });

    public HttpClient Student(Guid org, Guid school, Guid subject) =>
        As(new TokenRequest { Audiences = [Audience], Kind = "student", Organisation = org, Institutions = [school], Subject = subject });

    public async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        await service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RosterApiCollection : ICollectionFixture<RosterApi>
{
    public const string Name = "Roster API";
}
