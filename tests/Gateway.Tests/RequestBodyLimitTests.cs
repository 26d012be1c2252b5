using System.Net;
using Portal.Gateway.Tests.Support;

namespace Portal.Gateway.Tests;

/// <summary>The fixture allows 1024-byte bodies.</summary>
public sealed class RequestBodyLimitTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Body_over_the_limit_answers_413_problem()
    {
        using var client = gateway.Client(token: gateway.InstitutionToken());

        var response = await client.PostAsync("/institution/organisations", new ByteArrayContent(new byte[1025]));

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 1024 bytes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Body_within_the_limit_is_forwarded_whole()
    {
        using var client = gateway.Client(token: gateway.InstitutionToken());

        var echo = await (await client.PostAsync("/institution/organisations", new ByteArrayContent(new byte[1024]))).AssertForwardedAsync();

        Assert.Equal(1024, echo.BodyLength);
    }
}
