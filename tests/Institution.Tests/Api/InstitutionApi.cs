using Portal.Institution.Contracts;
using Portal.TestIssuer;
using Portal.Testing;

namespace Portal.Institution.Tests.Api;

/// <summary>
/// The Institution service under test, with a listener on the broker that collects what it publishes.
/// Tests isolate themselves by working in fresh organisations (tenants).
/// </summary>
public sealed class InstitutionApi : IAsyncLifetime
{
    public const string Audience = "portal-institution";

    private ServiceUnderTest<Program> service = null!;
    public MessageListener Published { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        service = await ServiceUnderTest<Program>.StartAsync("institution");
        Published = await MessageListener.StartAsync(service.RabbitMq, "institution-tests-collector",
            typeof(InstitutionRegistered), typeof(ClusterMembershipChanged), typeof(StudentLoginsConfigured),
            typeof(StudentPortalVisibilityChanged), typeof(TermCalendarSet), typeof(StudentRosterRulesChanged));
    }

    public HttpClient Anonymous() => service.Anonymous();

    public HttpClient As(TokenRequest caller, Guid? actingOn = null) => service.As(caller, actingOn);

    public HttpClient Operator(Guid? actingOn = null) => As(Callers.Operator(Audience), actingOn);

    public HttpClient District(Guid org) => As(Callers.DistrictAdministrator(Audience, org));

    public HttpClient Customer(Guid org) => As(Callers.CustomerAdministrator(Audience, org));

    public HttpClient Building(Guid org, Guid school) => As(Callers.BuildingAdministrator(Audience, org, school));

    public HttpClient Teacher(Guid org, Guid school) => As(Callers.Teacher(Audience, org, school));

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await Published.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InstitutionApiCollection : ICollectionFixture<InstitutionApi>
{
    public const string Name = "Institution API";
}
