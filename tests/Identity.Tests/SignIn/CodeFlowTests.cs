using System.Net;
using System.Text.Json;
using Portal.AppHost.Clients;
using Portal.Testing;

namespace Portal.Identity.Tests.SignIn;

/// <summary>A web client signs in with authorization code + PKCE by posting the login form, as the portal's web app does.</summary>
[Collection(SignInApiCollection.Name)]
public sealed class CodeFlowTests(SignInApi api)
{
    [Fact]
    public async Task Discovery_names_the_endpoints_and_the_keys_are_published()
    {
        var client = api.Browser();
        var discovery = await (await client.GetAsync("/.well-known/openid-configuration")).ShouldBe(HttpStatusCode.OK);
        Assert.EndsWith("/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.EndsWith("/connect/revoke", discovery.GetProperty("revocation_endpoint").GetString());
        Assert.EndsWith("/connect/logout", discovery.GetProperty("end_session_endpoint").GetString());
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("urn:ietf:params:oauth:grant-type:token-exchange", grants);
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()).Where(m => m == "S256"));

        var jwks = await (await client.GetAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery)).ShouldBe(HttpStatusCode.OK);
        // One key, or more after a rotation (the earlier ones stay published for tokens already issued).
        var keys = jwks.GetProperty("keys").EnumerateArray().Where(k => k.GetProperty("use").GetString() == "sig").ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal("RSA", k.GetProperty("kty").GetString()));
        Assert.All(keys, k => Assert.False(k.TryGetProperty("d", out _), "A private key part is published."));
    }

    [Fact]
    public async Task The_bootstrap_operator_signs_in_and_gets_an_operator_token_for_every_service()
    {
        var tokens = await api.WebClient().SignInAsync(SignInApi.OperatorEmail, SignInApi.OperatorPassword);

        Assert.Equal("operator", Tokens.Claim(tokens.AccessToken, "kind"));
        Assert.Equal(["pwd"], Tokens.Claims(tokens.AccessToken, "amr"));
        var audiences = Tokens.Read(tokens.AccessToken).Audiences.ToList();
        Assert.Equivalent(new[] { "portal-identity", "portal-institution", "portal-roster", "portal-accesscode", "portal-billing" }, audiences);
        Assert.Equal("RS256", Tokens.Read(tokens.AccessToken).Alg);
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdentityToken);
    }

    [Fact]
    public async Task A_district_administrator_set_up_by_the_operator_signs_in_and_uses_the_token_on_the_staff_api()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        var id = await GivenAccounts.DistrictAdministrator(api, org, email);

        var tokens = await api.WebClient().SignInAsync(email.ToUpperInvariant(), GivenAccounts.Password);

        Assert.Equal(id.ToString(), Tokens.Claim(tokens.AccessToken, "sub"));
        Assert.Equal("staff", Tokens.Claim(tokens.AccessToken, "kind"));
        Assert.Equal("district_administrator", Tokens.Claim(tokens.AccessToken, "staff_type"));
        Assert.Equal(org.ToString(), Tokens.Claim(tokens.AccessToken, "org"));
        var self = await (await api.Bearer(tokens.AccessToken).GetAsync($"/staff/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(id, self.Id());
    }

    [Fact]
    public async Task A_token_of_one_organisation_gets_404_for_another_organisations_staff()
    {
        var orgA = Guid.NewGuid();
        var orgB = Guid.NewGuid();
        var emailA = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, orgA, emailA);
        var inB = await GivenAccounts.DistrictAdministrator(api, orgB, GivenAccounts.Email());

        var tokenA = (await api.WebClient().SignInAsync(emailA, GivenAccounts.Password)).AccessToken;

        await (await api.Bearer(tokenA).GetAsync($"/staff/{inB}")).ShouldBeProblem(HttpStatusCode.NotFound, inB.ToString());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, org, email);

        var wrongPassword = await Refusal(() => api.WebClient().SignInAsync(email, "Not-the-password-1"));
        var unknownEmail = await Refusal(() => api.WebClient().SignInAsync(GivenAccounts.Email(), "Not-the-password-1"));

        Assert.StartsWith("Signing in did not come back to the client: 400 at http://localhost/account/login: The email or password is incorrect.", wrongPassword);
        Assert.Equal(wrongPassword, unknownEmail);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_so_the_right_password_is_refused_too()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, org, email);

        for (var i = 0; i < 5; i++)
            await Refusal(() => api.WebClient().SignInAsync(email, $"Wrong-password-{i}-xyz"));
        var locked = await Refusal(() => api.WebClient().SignInAsync(email, GivenAccounts.Password));

        Assert.Contains("The email or password is incorrect.", locked);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_used_one_is_refused()
    {
        var client = api.WebClient();
        var first = await client.SignInAsync(SignInApi.OperatorEmail, SignInApi.OperatorPassword);

        var second = await client.RefreshAsync(first.RefreshToken!);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal("operator", Tokens.Claim(second.AccessToken, "kind"));

        var replay = await Assert.ThrowsAsync<SignInFailed>(() => client.RefreshAsync(first.RefreshToken!));
        Assert.Contains("invalid_grant", replay.Message);
    }

    [Fact]
    public async Task Refresh_fails_once_the_account_is_deactivated()
    {
        var org = Guid.NewGuid();
        var districtEmail = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, org, districtEmail);
        var district = (await api.WebClient().SignInAsync(districtEmail, GivenAccounts.Password)).AccessToken;
        var teacherEmail = GivenAccounts.Email();
        var teacher = await GivenAccounts.Staff(api, district, org, teacherEmail, "Teacher", [Guid.NewGuid()]);
        var client = api.WebClient();
        var tokens = await client.SignInAsync(teacherEmail, GivenAccounts.Password);
        await client.RefreshAsync(tokens.RefreshToken!).ContinueWith(t => tokens = t.Result);

        await (await api.Bearer(district).PostAsync($"/staff/{teacher}/deactivate", null)).ShouldBe(HttpStatusCode.OK);

        var refused = await Assert.ThrowsAsync<SignInFailed>(() => client.RefreshAsync(tokens.RefreshToken!));
        Assert.Contains("The account is no longer active.", refused.Message);
    }

    [Fact]
    public async Task Refresh_fails_once_the_password_has_changed()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        var id = await GivenAccounts.DistrictAdministrator(api, org, email);
        var client = api.WebClient();
        var tokens = await client.SignInAsync(email, GivenAccounts.Password);

        await api.SetPasswordAsync(id, org, "A-brand-new-password-42");

        var refused = await Assert.ThrowsAsync<SignInFailed>(() => client.RefreshAsync(tokens.RefreshToken!));
        Assert.Contains("The password has changed", refused.Message);
    }

    [Fact]
    public async Task A_revoked_refresh_token_no_longer_refreshes()
    {
        var client = api.WebClient();
        var tokens = await client.SignInAsync(SignInApi.OperatorEmail, SignInApi.OperatorPassword);

        var revoke = await api.Browser().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = tokens.RefreshToken!, ["token_type_hint"] = "refresh_token", ["client_id"] = "portal-web",
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        await Assert.ThrowsAsync<SignInFailed>(() => client.RefreshAsync(tokens.RefreshToken!));
    }

    [Fact]
    public async Task An_authorization_request_without_pkce_is_refused()
    {
        var response = await api.Browser().GetAsync(
            "/connect/authorize?client_id=portal-web&response_type=code&scope=openid%20portal&redirect_uri=" + Uri.EscapeDataString(SignInApi.Callback.ToString()));

        var location = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();
        Assert.True(location.Contains("code_challenge"), $"{(int)response.StatusCode}: {location}");
    }

    [Fact]
    public async Task The_mobile_app_signs_in_with_its_own_redirect()
    {
        var mobile = new PortalSignIn(api.Browser(), SignInApi.Identity, "portal-mobile", new Uri("portal://callback"));

        var tokens = await mobile.SignInAsync(SignInApi.OperatorEmail, SignInApi.OperatorPassword);

        Assert.Equal("portal-mobile", Tokens.Claim(tokens.AccessToken, "client_id"));
    }

    [Fact]
    public async Task After_logout_the_next_authorization_asks_for_the_password_again()
    {
        var browser = api.Browser();
        await api.WebClient(browser).SignInAsync(SignInApi.OperatorEmail, SignInApi.OperatorPassword);
        var stillSignedIn = await browser.GetAsync(AuthorizeUrl());
        Assert.StartsWith(SignInApi.Callback.ToString(), stillSignedIn.Headers.Location?.ToString());

        var logout = await browser.GetAsync("/connect/logout?client_id=portal-web&post_logout_redirect_uri=" + Uri.EscapeDataString("http://localhost/signed-out"));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var afterwards = await browser.GetAsync(AuthorizeUrl());
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/account/login?returnUrl=", afterwards.Headers.Location?.ToString());
    }

    [Fact]
    public async Task An_unsigned_copy_of_a_valid_token_is_refused_by_identity()
    {
        var tokens = await api.WebClient().SignInAsync(SignInApi.OperatorEmail, SignInApi.OperatorPassword);
        var unsigned = tokens.AccessToken[..tokens.AccessToken.LastIndexOf('.')] + ".";

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Bearer(unsigned).GetAsync("/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Bearer(tokens.AccessToken).GetAsync("/clients")).StatusCode);
    }

    private static string AuthorizeUrl() =>
        "/connect/authorize?client_id=portal-web&response_type=code&scope=openid%20portal&code_challenge_method=S256"
        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&state=s&redirect_uri=" + Uri.EscapeDataString(SignInApi.Callback.ToString());

    private static async Task<string> Refusal(Func<Task<TokenSet>> signIn) =>
        (await Assert.ThrowsAsync<SignInFailed>(signIn)).Message;
}
