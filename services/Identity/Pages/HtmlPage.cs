using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Portal.Identity.Pages;

/// <summary>
/// Server-rendered pages (login, 2FA, password set-up, guardian registration): plain HTML forms that work without
/// JavaScript, labelled fields, and the antiforgery token in every form. Everything interpolated goes through <see cref="E"/>.
/// </summary>
public static class HtmlPage
{
    const string Style = """
        body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
        label{display:block;margin-top:1rem;font-weight:600}
        input{display:block;width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem;box-sizing:border-box}
        button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}
        .error{color:#a00;border-left:4px solid #a00;padding-left:.75rem}
        .notice{border-left:4px solid #06c;padding-left:.75rem}
        code{font-size:1.1rem;word-break:break-all}
        :focus{outline:3px solid #fd0}
        """;

    /// <summary>HTML-encodes text for an element or attribute.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static IResult Render(string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>{E(title)} – Portal</title><style>{Style}</style></head>
            <body><main><h1>{E(title)}</h1>
            {body}
            </main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A POST form to <paramref name="action"/> (relative to the page) with the antiforgery token.</summary>
    public static string Form(HttpContext http, string action, string fields, string submit)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"""
            <form method="post" action="{E(action)}">
            <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">
            {fields}
            <button type="submit">{E(submit)}</button>
            </form>
            """;
    }

    public static string Field(string name, string label, string type = "text", string? value = null, string autocomplete = "off", bool autofocus = false) =>
        $"""<label for="{E(name)}">{E(label)}</label><input id="{E(name)}" name="{E(name)}" type="{E(type)}" value="{E(value)}" autocomplete="{E(autocomplete)}"{(autofocus ? " autofocus" : "")} required>""";

    public static string Hidden(string name, string? value) =>
        $"""<input type="hidden" name="{E(name)}" value="{E(value)}">""";

    public static string Error(string? message) =>
        string.IsNullOrEmpty(message) ? "" : $"""<p class="error" role="alert">{E(message)}</p>""";

    public static string Notice(string? message) =>
        string.IsNullOrEmpty(message) ? "" : $"""<p class="notice" role="status">{E(message)}</p>""";
}
