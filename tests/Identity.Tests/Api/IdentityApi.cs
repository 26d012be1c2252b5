using Portal.TestIssuer;
using Portal.Testing;

namespace Portal.Identity.Tests.Api;

/// <summary>
/// The Identity service over HTTP against real PostgreSQL (its own database) and RabbitMQ (its own virtual host),
/// with tokens from the development issuer. Tests isolate themselves by working in fresh organisations (tenants).
/// </summary>
public sealed class IdentityApi : IAsyncLifetime
{
    public const string Audience = "portal-identity";

    private ServiceUnderTest<Program> service = null!;

    public async Task InitializeAsync() => service = await ServiceUnderTest<Program>.StartAsync("identity");

    /// <summary>The amqp:// URI of Identity's virtual host, for listeners that watch what it publishes or publish to it.</summary>
    public string RabbitMq => service.RabbitMq;

    public HttpClient Anonymous() => service.Anonymous();

    public HttpClient As(TokenRequest caller) => service.As(caller);

    public HttpClient District(Guid org, Guid? subject = null) =>
        As(Callers.DistrictAdministrator(Audience, org) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Building(Guid org, Guid school, Guid? subject = null) =>
        As(Callers.BuildingAdministrator(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    public HttpClient Teacher(Guid org, Guid school, Guid? subject = null) =>
        As(Callers.Teacher(Audience, org, school) with { Subject = subject ?? Guid.NewGuid() });

    public async Task DisposeAsync() => await service.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class IdentityApiCollection : ICollectionFixture<IdentityApi>
{
    public const string Name = "Identity API";
}
