using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Identity.Bench;

/// <summary>
/// Just the password step: Identity's login form posted through the gateway with one account's email and password.
/// The page is read once for its antiforgery token and cookie; the session cookie a success sets is not kept, so
/// every post is a fresh anonymous sign-in that verifies the password (a success answers 302).
/// </summary>
public sealed partial class LoginForm : IDisposable
{
    readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
    readonly Uri _action;
    readonly string _cookies;
    readonly Dictionary<string, string> _fields;

    LoginForm(Uri action, string cookies, Dictionary<string, string> fields)
    {
        _action = action;
        _cookies = cookies;
        _fields = fields;
    }

    public static async Task<LoginForm> OpenAsync(Uri gateway, string email, string password)
    {
        var page = new Uri(gateway, "/identity/account/login");
        using var reader = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var response = await reader.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var fields = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var action = FormAction().Match(html) is { Success: true } a ? new Uri(page, WebUtility.HtmlDecode(a.Groups[1].Value)) : page;
        var cookies = string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.Select(c => c.Split(';', 2)[0]) : []);
        fields["email"] = email;
        fields["password"] = password;
        return new LoginForm(action, cookies, fields);
    }

    public async Task<bool> PostAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _action) { Content = new FormUrlEncodedContent(_fields) };
        request.Headers.Add("Cookie", _cookies);
        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.Found;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenField();
}
