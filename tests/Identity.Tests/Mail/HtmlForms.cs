using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Identity.Tests.Mail;

/// <summary>Posts a server-rendered page's form as a browser would: its hidden fields (antiforgery token) plus what the person typed.</summary>
public static partial class HtmlForms
{
    /// <param name="client">Keeps cookies between the GET and the POST, as the antiforgery check needs.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> typed)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)page.StatusCode}: {html}");
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenField().Matches(html)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (name, value) in typed)
        {
            Assert.Contains($"<label for=\"{name}\">", html); // every field a person types into has a label
            fields[name] = value;
        }
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The value an input shows, or null when the page has no such input.</summary>
    public static string? InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"""<input id="{name}" name="{name}" type="[^"]*" value="([^"]*)" """);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("""<form method="post" action="([^"]*)">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""")]
    private static partial Regex HiddenField();
}
