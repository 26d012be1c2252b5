using System.Net;
using System.Text.RegularExpressions;

namespace Portal.AppHost.Clients;

/// <summary>The first form of a server-rendered page as a browser submits it: its action and its hidden fields.</summary>
public sealed partial record HtmlForm(string? Action, Dictionary<string, string> Fields)
{
    public static HtmlForm Read(string html) => new(
        FormAction().Match(html) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : null,
        HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value)));

    /// <summary>The hidden fields with the person's entries on top.</summary>
    public FormUrlEncodedContent With(Dictionary<string, string> entries)
    {
        var form = new Dictionary<string, string>(Fields);
        foreach (var (name, value) in entries)
            form[name] = value;
        return new FormUrlEncodedContent(form);
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenField();
}
