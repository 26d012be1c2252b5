using System.Net;
using System.Text.RegularExpressions;
using Portal.AppHost.Clients;

namespace Portal.Identity.Tests.Mail;

/// <summary>Posts a server-rendered page's form as a browser would: its hidden fields (antiforgery token) plus what the person typed.</summary>
public static class HtmlForms
{
    /// <param name="client">Keeps cookies between the GET and the POST, as the antiforgery check needs.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> typed)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)page.StatusCode}: {html}");
        var form = HtmlForm.Read(html);
        Assert.NotNull(form.Action);
        foreach (var name in typed.Keys)
            Assert.Contains($"<label for=\"{name}\">", html); // every field a person types into has a label
        return await client.PostAsync(form.Action, form.With(typed.ToDictionary()));
    }

    /// <summary>The value an input shows, or null when the page has no such input.</summary>
    public static string? InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"""<input id="{name}" name="{name}" type="[^"]*" value="([^"]*)" """);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
