using System.Net;
using Portal.AppHost.Clients;
using Portal.Testing;

namespace Portal.Identity.Tests.SignIn;

/// <summary>Machine clients: registered by a platform operator, secret shown once, tokens by client credentials.</summary>
[Collection(SignInApiCollection.Name)]
public sealed class ClientCredentialsTests(SignInApi api)
{
    [Fact]
    public async Task A_finance_client_registered_by_the_operator_gets_a_billing_token()
    {
        var operatorClient = api.Bearer(await api.OperatorTokenAsync());
        var registered = await (await operatorClient.Post("/clients", new { displayName = "Finance", scopes = new[] { "billing-read" } }))
            .ShouldBe(HttpStatusCode.Created);
        var clientId = registered.GetProperty("clientId").GetString()!;
        var secret = registered.GetProperty("clientSecret").GetString()!;

        var tokens = await PortalSignIn.ClientCredentialsAsync(api.Browser(), SignInApi.Identity, clientId, secret, "billing-read");

        Assert.Equal(clientId, Tokens.Claim(tokens.AccessToken, "sub"));
        Assert.Equal("client", Tokens.Claim(tokens.AccessToken, "kind"));
        Assert.Equal(["portal-billing"], Tokens.Read(tokens.AccessToken).Audiences);
        Assert.Null(tokens.RefreshToken);

        var listed = await (await operatorClient.GetAsync("/clients")).ShouldBe(HttpStatusCode.OK);
        var entry = Assert.Single(listed.EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("clientSecret").ValueKind);
    }

    [Fact]
    public async Task A_wrong_secret_or_a_scope_the_client_was_not_given_is_refused()
    {
        var operatorClient = api.Bearer(await api.OperatorTokenAsync());
        var registered = await (await operatorClient.Post("/clients", new { displayName = "MIS sync", scopes = new[] { "roster-sync" } }))
            .ShouldBe(HttpStatusCode.Created);
        var clientId = registered.GetProperty("clientId").GetString()!;
        var secret = registered.GetProperty("clientSecret").GetString()!;

        var wrongSecret = await Assert.ThrowsAsync<SignInFailed>(() =>
            PortalSignIn.ClientCredentialsAsync(api.Browser(), SignInApi.Identity, clientId, secret + "x", "roster-sync"));
        Assert.Contains("invalid_client", wrongSecret.Message);
        var wrongScope = await Assert.ThrowsAsync<SignInFailed>(() =>
            PortalSignIn.ClientCredentialsAsync(api.Browser(), SignInApi.Identity, clientId, secret, "billing-read"));
        Assert.Contains("This client application is not allowed to use the specified scope.", wrongScope.Message);
    }

    [Fact]
    public async Task A_removed_client_gets_no_more_tokens()
    {
        var operatorClient = api.Bearer(await api.OperatorTokenAsync());
        var registered = await (await operatorClient.Post("/clients", new { displayName = "Old finance", scopes = new[] { "billing-read" } }))
            .ShouldBe(HttpStatusCode.Created);
        var clientId = registered.GetProperty("clientId").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/clients/{clientId}")).StatusCode);

        await Assert.ThrowsAsync<SignInFailed>(() => PortalSignIn.ClientCredentialsAsync(
            api.Browser(), SignInApi.Identity, clientId, registered.GetProperty("clientSecret").GetString()!, "billing-read"));
    }

    [Fact]
    public async Task Only_platform_operators_register_clients_and_only_machine_scopes_are_given()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, org, email);
        var district = (await api.WebClient().SignInAsync(email, GivenAccounts.Password)).AccessToken;

        await (await api.Bearer(district).Post("/clients", new { displayName = "Mine", scopes = new[] { "billing-read" } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Only platform operators register machine clients.");
        await (await api.Bearer(await api.OperatorTokenAsync()).Post("/clients", new { displayName = "Too wide", scopes = new[] { "portal" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "Scopes must be one or more of: billing-read, roster-sync.");
    }
}
