using System.Text.RegularExpressions;

namespace Portal.Security.Tests;

/// <summary>What must never appear in a log entry at Information or above.</summary>
public enum SecretKind { Email, Name, Token, Password, Code }

/// <summary>One value the journey used, and how to recognise it in a log line.</summary>
public sealed record Secret(SecretKind Kind, string Value, Regex Pattern);

/// <summary>
/// Every email address, name, token, password and code a journey used, as patterns: emails and codes in any case (codes
/// also with spaces or without their dashes, as people type them), names as whole words, tokens and passwords exactly.
/// Besides the values, any email address and any JWT-shaped string counts.
/// </summary>
public sealed partial class LogSecrets
{
    private readonly Dictionary<(SecretKind, string), Secret> _secrets = [];

    public IReadOnlyCollection<Secret> All => _secrets.Values;

    /// <summary>Anything shaped like an email address or a JWT (header and payload are base64url JSON: "eyJ…").</summary>
    public static IReadOnlyList<Secret> Shapes { get; } =
    [
        new(SecretKind.Email, "any email address", AnyEmail()),
        new(SecretKind.Token, "any JWT-shaped string", AnyJwt()),
    ];

    public void Email(string email) => Add(SecretKind.Email, email, new Regex(Regex.Escape(email), RegexOptions.IgnoreCase));

    public void Name(string name)
    {
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Add(SecretKind.Name, word, new Regex($@"\b{Regex.Escape(word)}\b"));
    }

    public void Token(string? token)
    {
        if (string.IsNullOrEmpty(token)) return;
        Add(SecretKind.Token, token, new Regex(Regex.Escape(token)));
        // Log lines may carry the form- or URL-encoded value (a query string, a request body).
        var encoded = Uri.EscapeDataString(token);
        if (encoded != token) Add(SecretKind.Token, encoded, new Regex(Regex.Escape(encoded)));
    }

    public void Password(string password) => Add(SecretKind.Password, password, new Regex(Regex.Escape(password)));

    /// <summary>A code read out or typed by a person (access code, setup code): any case, dashes as dashes, spaces or nothing.</summary>
    public void Code(string code)
    {
        var groups = code.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        Add(SecretKind.Code, code, new Regex(string.Join(@"[-\s+]?", groups), RegexOptions.IgnoreCase));
    }

    private void Add(SecretKind kind, string value, Regex pattern) => _secrets.TryAdd((kind, value), new(kind, value, pattern));

    [GeneratedRegex(@"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex AnyEmail();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex AnyJwt();
}
