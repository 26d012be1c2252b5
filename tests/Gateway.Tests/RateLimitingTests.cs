using System.Net;
using Portal.Gateway.Tests.Support;

namespace Portal.Gateway.Tests;

/// <summary>Each test uses its own subjects and addresses: the limiter's state lives as long as the fixture.</summary>
public sealed class RateLimitingTests(RateLimitedGatewayFixture gateway) : IClassFixture<RateLimitedGatewayFixture>
{
    private const int Permits = RateLimitedGatewayFixture.Permits;

    [Fact]
    public async Task Caller_over_the_limit_gets_429_problem_with_retry_after()
    {
        using var client = gateway.Client(token: gateway.InstitutionToken());
        await UseUpAllowanceAsync(client, "/institution/organisations");

        var response = await client.GetAsync("/institution/organisations");

        var problem = await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Contains($"{Permits} requests allowed per 60 seconds", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Limit_is_per_subject_so_another_caller_from_the_same_address_is_served()
    {
        using var limited = gateway.Client(remoteAddress: "198.51.100.20", token: gateway.InstitutionToken());
        await UseUpAllowanceAsync(limited, "/institution/organisations");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await limited.GetAsync("/institution/organisations")).StatusCode);

        using var other = gateway.Client(remoteAddress: "198.51.100.20", token: gateway.InstitutionToken());

        await (await other.GetAsync("/institution/organisations")).AssertForwardedAsync();
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_per_address()
    {
        using var limited = gateway.Client(remoteAddress: "203.0.113.1");
        await UseUpAllowanceAsync(limited, "/identity/account/login");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await limited.GetAsync("/identity/account/login")).StatusCode);

        using var other = gateway.Client(remoteAddress: "203.0.113.2");

        await (await other.GetAsync("/identity/account/login")).AssertForwardedAsync();
    }

    [Fact]
    public async Task Requests_refused_for_a_missing_or_bad_token_count_against_the_address_too()
    {
        using var anonymous = gateway.Client(remoteAddress: "203.0.113.60");
        using var forged = gateway.Client(remoteAddress: "203.0.113.60", token: "not-a-token");
        for (var i = 0; i < Permits; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await (i % 2 == 0 ? anonymous : forged).GetAsync("/institution/organisations")).StatusCode);

        await (await anonymous.GetAsync("/institution/organisations")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await (await forged.GetAsync("/institution/organisations")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        using var elsewhere = gateway.Client(remoteAddress: "203.0.113.61");
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/institution/organisations")).StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        using var client = gateway.Client(remoteAddress: "203.0.113.50");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Permits * 3; i++)
            statuses.Add((await client.GetAsync(i % 2 == 0 ? "/health" : "/alive")).StatusCode);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static async Task UseUpAllowanceAsync(HttpClient client, string path)
    {
        for (var i = 0; i < Permits; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }
}
