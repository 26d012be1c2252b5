using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Identity.Students.StartCards.Codes;

/// <summary>
/// The one-time code printed on a start card: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V
/// pairs), shown in groups of four (<c>K7PM-3XQA-9RTW</c>); typed with or without the dashes, in either case.
/// 29^12 is about 2^58, and the code dies after one use or its lifetime, so a salted HMAC-SHA256 is stored rather
/// than a slow password hash: a slow hash would make printing a year group's cards take minutes and add little.
/// </summary>
public static class SetupCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTWXYZ23456789";
    public const int Length = 12;
    const int GroupLength = 4;
    const string Scheme = "hmac-sha256";
    const int SaltBytes = 16;

    public static (string Code, string Hash) New()
    {
        var code = new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length));
        return (Display(code), Hash(code));
    }

    /// <summary>The code as printed: groups of four joined by dashes.</summary>
    public static string Display(string code)
    {
        var plain = Normalise(code);
        return string.Join('-', Enumerable.Range(0, (plain.Length + GroupLength - 1) / GroupLength)
            .Select(i => plain.Substring(i * GroupLength, Math.Min(GroupLength, plain.Length - i * GroupLength))));
    }

    /// <summary>What the student typed, as the hash sees it: no spaces or dashes, upper case.</summary>
    public static string Normalise(string? typed) =>
        string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.DashPunctuation))
            .ToUpperInvariant();

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{Scheme}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Mac(salt, code))}";
    }

    public static bool Matches(string? typed, string? storedHash)
    {
        var parts = storedHash?.Split('$');
        if (parts is not [Scheme, var saltText, var macText])
            return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(Mac(Convert.FromBase64String(saltText), typed), Convert.FromBase64String(macText));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    static byte[] Mac(byte[] salt, string? code) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(Normalise(code)));
}
