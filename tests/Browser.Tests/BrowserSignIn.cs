using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Portal.AppHost.Clients;

namespace Portal.Browser.Tests;

/// <summary>
/// The portal web app's side of a sign-in in a real browser: sends the page to the authorize endpoint with code +
/// PKCE, and once the browser is back at the redirect URI (which is no page: the gateway answers 404) reads the code
/// from the address bar and redeems it as the app would.
/// </summary>
public sealed class BrowserSignIn(IPage page, Uri gateway)
{
    public const string ClientId = "portal-web";
    public const string Scopes = "openid profile portal";

    private readonly string _verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
    private readonly string _state = Base64Url(RandomNumberGenerator.GetBytes(16));

    public static Uri Callback(Uri gateway) => new(gateway, "/signin-callback");

    /// <summary>Opens the authorize URL; Identity sends the browser on to its login page.</summary>
    public async Task StartAsync()
    {
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier)));
        var query = string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = ClientId, ["response_type"] = "code", ["redirect_uri"] = Callback(gateway).ToString(), ["scope"] = Scopes,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = _state,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        await page.GotoAsync(new Uri(gateway, "/identity/connect/authorize?" + query).ToString());
    }

    /// <summary>Waits for the browser to land on the redirect URI and redeems the code it carries.</summary>
    public async Task<TokenSet> FinishAsync(PortalSignIn app)
    {
        var callback = Callback(gateway).ToString();
        // Only the address matters: the redirect URI is no page, so waiting for it to "load" only adds a way to time out.
        await page.WaitForURLAsync(url => url.StartsWith(callback + "?", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        var query = new Uri(page.Url).Query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(_state, query["state"]);
        return await app.TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"], ["redirect_uri"] = callback,
            ["client_id"] = ClientId, ["code_verifier"] = _verifier,
        });
    }

    /// <summary>The access token's authentication methods (RFC 8176), read from its payload.</summary>
    public static IReadOnlyList<string> Amr(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
        return json.RootElement.GetProperty("amr") is { ValueKind: JsonValueKind.Array } amr
            ? amr.EnumerateArray().Select(m => m.GetString()!).ToList()
            : [json.RootElement.GetProperty("amr").GetString()!];
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
