using System.Net;
using Portal.Gateway.Tests.Support;

namespace Portal.Gateway.Tests;

public sealed class CorsTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string AllowedOrigin = "https://app.portal.test";

    [Fact]
    public async Task Preflight_from_an_allowed_origin_is_granted()
    {
        using var client = gateway.Client();

        var response = await client.SendAsync(Preflight(AllowedOrigin));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AllowedOrigin, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("authorization", Single(response, "Access-Control-Allow-Headers")!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("POST", Single(response, "Access-Control-Allow-Methods")!);
    }

    [Fact]
    public async Task Preflight_from_another_origin_is_not_granted()
    {
        using var client = gateway.Client();

        var response = await client.SendAsync(Preflight("https://evil.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Refusal_sent_to_an_allowed_origin_is_readable_by_its_script()
    {
        using var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/institution/organisations");
        request.Headers.Add("Origin", AllowedOrigin);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(AllowedOrigin, Single(response, "Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/institution/organisations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return request;
    }

    private static string? Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? values.Single() : null;
}
