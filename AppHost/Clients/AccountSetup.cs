using System.Net;
using System.Text.RegularExpressions;

namespace Portal.AppHost.Clients;

/// <summary>Follows an invitation link and sets the password on Identity's set-up page, as the invited person does.</summary>
public static partial class AccountSetup
{
    /// <param name="browser">Keeps cookies, does not follow redirects.</param>
    /// <param name="link">The link from the invitation; its host may be the public one, so only its path and query are used.</param>
    public static async Task SetPasswordAsync(HttpClient browser, Uri gateway, Uri link, string password)
    {
        var page = new Uri(gateway, link.PathAndQuery);
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        var form = Hidden().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        if (!form.ContainsKey("token"))
            throw new SignInFailed($"The set-up page has no form: {html[..Math.Min(html.Length, 300)]}");
        form["password"] = password;
        form["confirmPassword"] = password;
        var action = Action().Match(html) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : page.PathAndQuery;
        var response = await browser.PostAsync(new Uri(page, action), new FormUrlEncodedContent(form));
        if ((int)response.StatusCode >= 400)
            throw new SignInFailed($"Setting the password failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""")]
    private static partial Regex Hidden();

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"")]
    private static partial Regex Action();
}
