using Marten;
using Microsoft.Extensions.DependencyInjection;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Contracts;
using Portal.TestIssuer;

namespace Portal.AccessCode.Tests.Api;

/// <summary>
/// The AccessCode service over HTTP against real PostgreSQL (its own database) and RabbitMQ (its own virtual host), with
/// tokens from the test issuer and a listener on the broker that collects what the service publishes and publishes what
/// Roster, Institution and Identity would. Tests isolate themselves by working in fresh organisations (tenants) and
/// with fresh guardians.
/// </summary>
public sealed class AccessCodeApi : IAsyncLifetime
{
    public const string Audience = "portal-accesscode";

    private ServiceUnderTest<Program> service = null!;

    /// <summary>Messages the service published; also publishes other services' messages to it.</summary>
    public MessageListener Bus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        service = await ServiceUnderTest<Program>.StartAsync("accesscode", new Dictionary<string, string?>
        {
            ["Portal:AccessCode:SignUpUrl"] = "https://portal.example/identity/guardians/register",
        });
        Bus = await MessageListener.StartAsync(service.RabbitMq, "accesscode-tests-listener",
            typeof(GuardianPaired), typeof(GuardianAccessRevoked));
    }

    public IServiceProvider Services => service.Services;

    public string RabbitMq => service.RabbitMq;

    public IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public AccessCodeSecrets Secrets => service.Services.GetRequiredService<AccessCodeSecrets>();

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

    /// <summary>A signed-in guardian: no organisation, their own account id as subject.</summary>
    public HttpClient Guardian(Guid subject) =>
        As(new TokenRequest { Audiences = [Audience], Kind = "guardian", Subject = subject, Name = "A guardian" });

    public async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        await service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AccessCodeApiCollection : ICollectionFixture<AccessCodeApi>
{
    public const string Name = "AccessCode API";
}
