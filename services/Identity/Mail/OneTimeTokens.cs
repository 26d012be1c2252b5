using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Mail;

/// <summary>
/// Secrets sent in links (email verification, staff invitations): 256 random bits, URL-safe. Only the SHA-256 of a
/// token is stored: the token is already high-entropy, so a slow hash would add nothing, and a database reader
/// cannot turn a stored value back into a working link.
/// </summary>
public static class OneTimeTokens
{
    public static (string Token, string Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string? token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token?.Trim() ?? "")));
}

/// <summary>A mailed link that cannot be used: unknown, used, replaced or expired. Pages answer 400 with the message.</summary>
public sealed class LinkRefused(string message) : RuleViolation(message);

/// <summary>Absolute links for mail, from <c>Portal:Identity:PublicUrl</c> (Identity as the outside world reaches it).</summary>
public sealed class PublicLinks(IConfiguration configuration)
{
    public const string Key = "Portal:Identity:PublicUrl";
    public const string Default = "http://localhost:8080/identity";

    public string To(string path) => $"{(configuration[Key] is { Length: > 0 } url ? url : Default).TrimEnd('/')}{path}";

    public string To(string path, string token) => $"{To(path)}?token={Uri.EscapeDataString(token)}";
}
