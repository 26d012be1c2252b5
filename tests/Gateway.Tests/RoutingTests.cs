using System.Net;
using Portal.Gateway.Tests.Support;

namespace Portal.Gateway.Tests;

public sealed class RoutingTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Service_prefix_is_stripped_and_the_query_string_kept()
    {
        using var client = gateway.Client(token: gateway.InstitutionToken());

        var echo = await (await client.GetAsync("/institution/organisations/42/terms?term=2026-autumn&page=2")).AssertForwardedAsync();

        Assert.Equal("institution", echo.Service);
        Assert.Equal("/organisations/42/terms", echo.Path);
        Assert.Equal("?term=2026-autumn&page=2", echo.Query);
    }

    [Fact]
    public async Task Service_learns_the_prefix_client_address_scheme_and_host_from_forwarded_headers()
    {
        using var client = gateway.Client(remoteAddress: "198.51.100.10", token: gateway.InstitutionToken());

        var echo = await (await client.GetAsync("/institution/organisations")).AssertForwardedAsync();

        Assert.Equal("/institution", echo.Header("X-Forwarded-Prefix"));
        Assert.Equal("198.51.100.10", echo.Header("X-Forwarded-For"));
        Assert.Equal("http", echo.Header("X-Forwarded-Proto"));
        Assert.Equal("localhost", echo.Header("X-Forwarded-Host"));
    }

    [Fact]
    public async Task Forwarded_headers_sent_by_an_untrusted_caller_are_replaced()
    {
        using var client = gateway.Client(remoteAddress: "198.51.100.10", token: gateway.InstitutionToken());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/institution/organisations");
        request.Headers.Add("X-Forwarded-For", "203.0.113.99");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Prefix", "/elsewhere");

        var echo = await (await client.SendAsync(request)).AssertForwardedAsync();

        Assert.Equal("198.51.100.10", echo.Header("X-Forwarded-For"));
        Assert.Equal("http", echo.Header("X-Forwarded-Proto"));
        Assert.Equal("/institution", echo.Header("X-Forwarded-Prefix"));
    }

    [Fact]
    public async Task Client_address_and_scheme_from_a_trusted_proxy_reach_the_service()
    {
        using var client = gateway.Client(remoteAddress: "10.0.0.2", token: gateway.InstitutionToken());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/institution/organisations");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var echo = await (await client.SendAsync(request)).AssertForwardedAsync();

        Assert.Equal("203.0.113.7", echo.Header("X-Forwarded-For"));
        Assert.Equal("https", echo.Header("X-Forwarded-Proto"));
    }

    [Fact]
    public async Task Service_continues_the_callers_trace()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var client = gateway.Client(token: gateway.InstitutionToken());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/institution/organisations");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        var echo = await (await client.SendAsync(request)).AssertForwardedAsync();

        var traceparent = echo.Header("traceparent");
        Assert.NotNull(traceparent);
        Assert.Equal(traceId, traceparent.Split('-')[1]);
        Assert.NotEqual("00f067aa0ba902b7", traceparent.Split('-')[2]);
    }

    [Fact]
    public async Task Identity_routes_are_reachable_without_a_token()
    {
        using var client = gateway.Client();

        var response = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent([new("grant_type", "client_credentials")]));

        var echo = await response.AssertForwardedAsync();
        Assert.Equal("identity", echo.Service);
        Assert.Equal("/connect/token", echo.Path);
        Assert.Equal("POST", echo.Method);
    }

    [Fact]
    public async Task OpenApi_document_of_a_protected_service_is_reachable_without_a_token()
    {
        using var client = gateway.Client();

        var echo = await (await client.GetAsync("/institution/openapi/v1.json")).AssertForwardedAsync();

        Assert.Equal("institution", echo.Service);
        Assert.Equal("/openapi/v1.json", echo.Path);
    }

    [Fact]
    public async Task Unknown_path_answers_404_problem()
    {
        using var client = gateway.Client();

        var problem = await (await client.GetAsync("/no-such-service/things")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("/no-such-service/things", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Service_without_a_configured_address_is_not_routed()
    {
        using var client = gateway.Client(token: gateway.InstitutionToken());

        await (await client.GetAsync("/billing/invoices?term=2026-autumn")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unreachable_service_answers_502_problem()
    {
        using var client = gateway.Client(token: gateway.InstitutionToken());

        await (await client.GetAsync("/roster/classes")).AssertProblemAsync(HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task Health_answers_200_without_a_token()
    {
        using var client = gateway.Client();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
