using System.Net;

namespace Portal.EndToEnd.Tests;

[Collection(PortalSystemCollection.Name)]
public sealed class SystemStartupTests(PortalSystemFixture fixture)
{
    [Fact]
    public async Task Every_declared_resource_becomes_healthy()
    {
        var resources = await fixture.System.RefreshAsync(CancellationToken.None);

        Assert.Equal(["postgres", "rabbitmq", "identity", "institution", "roster", "accesscode", "billing", "gateway"], resources.Select(r => r.Name));
        Assert.All(resources, resource => Assert.True(resource.Healthy, $"{resource.Name} at {resource.Url} is not healthy"));
    }

    [Fact]
    public async Task Gateway_answers_its_health_check()
    {
        using var gateway = fixture.CreateGatewayClient();

        using var response = await gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Identity_stand_in_publishes_its_discovery_document()
    {
        using var identity = new HttpClient { BaseAddress = fixture.IdentityUrl };

        using var response = await identity.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
