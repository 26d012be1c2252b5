using System.Net;
using Portal.Gateway.Tests.Support;

namespace Portal.Gateway.Tests;

public sealed class TokenTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Protected_route_without_a_token_answers_401_problem()
    {
        using var client = gateway.Client();

        var response = await client.GetAsync("/institution/organisations");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("signed with a foreign key")]
    [InlineData("unsigned (alg none)")]
    [InlineData("for an audience no Portal service has")]
    [InlineData("not a JWT at all")]
    public async Task Bad_token_is_refused_at_the_gateway_with_401_problem(string badness)
    {
        var caller = gateway.InstitutionCaller();
        var token = badness switch
        {
            "expired" => gateway.Issuer.MintExpired(caller),
            "signed with a foreign key" => gateway.Issuer.MintWithForeignKey(caller),
            "unsigned (alg none)" => gateway.Issuer.MintUnsigned(caller),
            "for an audience no Portal service has" => gateway.Issuer.Mint(caller with { Audiences = ["someone-else"] }),
            _ => "not-a-jwt",
        };
        using var client = gateway.Client(token: token);

        await (await client.GetAsync("/institution/organisations")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Valid_token_is_forwarded_with_the_request()
    {
        var token = gateway.InstitutionToken();
        using var client = gateway.Client(token: token);

        var echo = await (await client.GetAsync("/institution/organisations")).AssertForwardedAsync();

        Assert.Equal($"Bearer {token}", echo.Header("Authorization"));
    }

    [Fact]
    public async Task Identity_route_passes_the_callers_token_on_to_identity()
    {
        var token = gateway.InstitutionToken();
        using var client = gateway.Client(token: token);

        var echo = await (await client.GetAsync("/identity/staff")).AssertForwardedAsync();

        Assert.Equal("identity", echo.Service);
        Assert.Equal($"Bearer {token}", echo.Header("Authorization"));
    }

    [Fact]
    public async Task A_schools_parent_portal_logo_is_read_without_a_token_and_nothing_else_beside_it()
    {
        using var client = gateway.Client();
        var school = Guid.NewGuid();

        var echo = await (await client.GetAsync($"/institution/institutions/{school}/settings/parent-portal-logo")).AssertForwardedAsync();
        Assert.Equal($"/institutions/{school}/settings/parent-portal-logo", echo.Path);

        await (await client.PutAsync($"/institution/institutions/{school}/settings/parent-portal-logo", new ByteArrayContent([1])))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync($"/institution/institutions/{school}/settings")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
