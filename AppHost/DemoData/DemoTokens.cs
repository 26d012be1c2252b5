using System.Net;
using System.Net.Http.Headers;
using Portal.AppHost.Clients;

namespace Portal.AppHost.DemoData;

/// <summary>
/// Tokens for seeding, got the way the portal's web app gets them: code + PKCE through the gateway, signing in on
/// Identity's login page.
/// </summary>
public sealed class DemoTokens(Uri gatewayUrl)
{
    public Uri Gateway { get; } = gatewayUrl;

    public Uri Identity { get; } = new(gatewayUrl, "/identity/");

    public async Task<string> SignInAsync(string email, string password, Func<Task<string>>? totp = null)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var signIn = new PortalSignIn(browser, Identity, "portal-web", new Uri(Gateway, "/signin-callback"));
        return (await signIn.SignInAsync(email, password, totp)).AccessToken;
    }

    /// <summary>A client calling through the gateway with the token; an operator names the organisation it acts on.</summary>
    public HttpClient Client(string accessToken, Guid? actingOn = null)
    {
        var client = new HttpClient { BaseAddress = Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (actingOn is { } org)
            client.DefaultRequestHeaders.Add("Portal-Organisation", org.ToString());
        return client;
    }

    public async Task<HttpClient> OperatorAsync(Guid? actingOn = null)
    {
        var bootstrap = BootstrapOperator.FromEnvironment();
        return Client(await SignInAsync(bootstrap.Email, bootstrap.Password), actingOn);
    }
}
