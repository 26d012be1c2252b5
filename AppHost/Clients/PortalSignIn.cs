using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Portal.AppHost.Clients;

public sealed record TokenSet(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdentityToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed class SignInFailed(string message) : Exception(message);

/// <summary>
/// Signs in the way the portal's web app does: authorization code + PKCE, filling in Identity's login page (and
/// its TOTP step) by posting the forms a person would. The demo data and the tests use it; so does
/// <c>AppHost token</c>. The HttpClient must keep cookies and must not follow redirects.
/// </summary>
public sealed partial class PortalSignIn(HttpClient http, Uri identity, string clientId, Uri redirectUri)
{
    public const string Scopes = "openid profile email offline_access portal";

    /// <summary>Where the last step of the sign-in landed, for tests that look at the pages.</summary>
    public HttpResponseMessage? LastPage { get; private set; }

    /// <summary>The recovery codes shown when the sign-in enrolled the account in two-factor authentication.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <param name="totp">Gives the code for the TOTP step.</param>
    /// <param name="enrol">Given the key the enrolment page shows, gives the code that confirms it.</param>
    public async Task<TokenSet> SignInAsync(
        string email, string password, Func<Task<string>>? totp = null, string scopes = Scopes, Func<string, Task<string>>? enrol = null)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = new Uri(identity, "connect/authorize" + QueryString(new()
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirectUri.OriginalString, ["scope"] = scopes,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = state,
        }));

        trail.Clear();
        var (uri, response) = await FollowAsync(authorize, Noted("GET", authorize, await http.GetAsync(authorize)));
        if (!IsCallback(uri))
        {
            (uri, response) = await PostFormAsync(uri, response, new() { ["email"] = email, ["password"] = password });
            if (!IsCallback(uri) && uri.AbsolutePath.EndsWith("/account/login/2fa", StringComparison.Ordinal))
            {
                if (totp is null)
                    throw new SignInFailed("The account asks for a two-factor code and none was given.");
                (uri, response) = await PostFormAsync(uri, response, new() { ["code"] = await totp() });
            }
            else if (!IsCallback(uri) && uri.AbsolutePath.EndsWith("/account/login/2fa/enrol", StringComparison.Ordinal))
            {
                if (enrol is null)
                    throw new SignInFailed("The account must enrol in two-factor authentication and no enrolment was given.");
                var page = await response.Content.ReadAsStringAsync();
                var key = EnrolmentKey().Match(page) is { Success: true } k ? k.Groups[1].Value : throw new SignInFailed("The enrolment page shows no key.");
                (uri, response) = await PostFormAsync(uri, response, new() { ["code"] = await enrol(key) });
                var shown = await response.Content.ReadAsStringAsync();
                RecoveryCodes = RecoveryCode().Matches(shown).Select(m => m.Groups[1].Value).ToList();
                if (ContinueLink().Match(shown) is { Success: true } next)
                {
                    var continued = new Uri(uri, WebUtility.HtmlDecode(next.Groups[1].Value));
                    (uri, response) = await FollowAsync(continued, Noted("GET", continued, await http.GetAsync(continued)));
                }
            }
        }
        LastPage = response;
        if (!IsCallback(uri))
            throw new SignInFailed($"Signing in did not come back to the client: {(int)response.StatusCode} at {uri}: " +
                                   $"{Describe(await response.Content.ReadAsStringAsync())}; the way there: {string.Join(" → ", trail)}");

        var query = ParseQuery(uri.Query);
        if (query.GetValueOrDefault("state") != state)
            throw new SignInFailed("The authorization response carried another state.");
        if (!query.TryGetValue("code", out var code))
            throw new SignInFailed($"The authorization response carried no code: {uri.Query}");
        return await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri.OriginalString,
            ["client_id"] = clientId, ["code_verifier"] = verifier,
        });
    }

    public Task<TokenSet> RefreshAsync(string refreshToken) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId });

    /// <summary>RFC 8693: a trust/LA member of staff's token for one scoped to an associated school.</summary>
    public Task<TokenSet> SwitchIntoSchoolAsync(string accessToken, Guid school) => TokenAsync(new()
    {
        ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange", ["client_id"] = clientId,
        ["subject_token"] = accessToken, ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
        ["institution"] = school.ToString(), ["scope"] = "portal",
    });

    public static async Task<TokenSet> ClientCredentialsAsync(HttpClient http, Uri identity, string clientId, string secret, string scopes)
    {
        var response = await http.PostAsync(new Uri(identity, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scopes,
        }));
        return await ReadTokens(response);
    }

    public async Task<TokenSet> TokenAsync(Dictionary<string, string> form) =>
        await ReadTokens(await http.PostAsync(new Uri(identity, "connect/token"), new FormUrlEncodedContent(form)));

    static async Task<TokenSet> ReadTokens(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new SignInFailed($"The token endpoint answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TokenSet>())!;
    }

    bool IsCallback(Uri uri) => uri.GetLeftPart(UriPartial.Path) == redirectUri.GetLeftPart(UriPartial.Path);

    async Task<(Uri, HttpResponseMessage)> FollowAsync(Uri uri, HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            uri = new Uri(uri, response.Headers.Location!);
            if (IsCallback(uri))
                return (uri, response);
            response = Noted("GET", uri, await http.GetAsync(uri));
        }
        return (uri, response);
    }

    /// <summary>Posts the page's form back with the given fields, keeping its hidden ones (antiforgery, return URL).</summary>
    async Task<(Uri, HttpResponseMessage)> PostFormAsync(Uri page, HttpResponseMessage response, Dictionary<string, string> fields)
    {
        var form = HtmlForm.Read(await response.Content.ReadAsStringAsync());
        var target = new Uri(page, form.Action ?? page.PathAndQuery);
        return await FollowAsync(target, Noted("POST", target, await http.PostAsync(target, form.With(fields))));
    }

    /// <summary>Each request of the last sign-in with its answer, so a sign-in that goes wrong says where.</summary>
    private readonly List<string> trail = [];

    HttpResponseMessage Noted(string method, Uri uri, HttpResponseMessage response)
    {
        var challenge = response.Headers.WwwAuthenticate.ToString();
        trail.Add($"{method} {uri.AbsolutePath} {(int)response.StatusCode}{(challenge.Length > 0 ? $" ({challenge})" : "")}");
        return response;
    }

    static string Describe(string html) => ErrorText().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : html.Length > 300 ? html[..300] : html;

    static string QueryString(Dictionary<string, string> values) =>
        "?" + string.Join("&", values.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    static Dictionary<string, string> ParseQuery(string query) => query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""Key: <code>([A-Z2-7]+)</code>""")]
    private static partial Regex EnrolmentKey();

    [GeneratedRegex("""<li><code>([A-Z0-9-]+)</code></li>""")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("""<a href="([^"]*)">Continue</a>""")]
    private static partial Regex ContinueLink();

    [GeneratedRegex("""<p class="error" role="alert">([^<]*)</p>""")]
    private static partial Regex ErrorText();
}
