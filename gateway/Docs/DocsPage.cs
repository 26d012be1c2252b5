using System.Net;
using System.Text;

namespace Portal.Gateway.Docs;

public static class DocsPage
{
    public static string Render(IReadOnlyList<ServiceDocumentation> services)
    {
        var html = new StringBuilder("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Portal API</title></head>
            <body>
            <h1>Portal API</h1>
            <p>Every service below answers under its prefix on this host. Send an access token from
            <code>/identity/connect/token</code> as <code>Authorization: Bearer &lt;token&gt;</code>; errors are RFC 9457 problem details.</p>
            <table>
            <thead><tr><th>Service</th><th>Prefix</th><th>OpenAPI document</th></tr></thead>
            <tbody>

            """);
        foreach (var service in services)
        {
            var name = WebUtility.HtmlEncode(service.Name);
            var openApi = WebUtility.HtmlEncode(service.OpenApi);
            html.Append(CultureInvariant($"<tr><td>{name}</td><td><code>{WebUtility.HtmlEncode(service.Prefix)}</code></td><td><a href=\"{openApi}\">{openApi}</a></td></tr>\n"));
        }
        if (services.Count == 0)
            html.Append("<tr><td colspan=\"3\">No services are routed by this gateway.</td></tr>\n");
        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
