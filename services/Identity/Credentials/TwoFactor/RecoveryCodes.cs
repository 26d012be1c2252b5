using System.Security.Cryptography;
using System.Text;

namespace Portal.Identity.Credentials;

/// <summary>
/// Single-use codes for when the authenticator is lost. Each carries 80 random bits, which is why a plain SHA-256
/// is enough to store them (unlike passwords, they cannot be guessed from a dictionary) and checking all ten stays cheap.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789"; // Crockford-like: no I, L, O, U to misread

    /// <summary>The plain codes to show once, and the hashes to store.</summary>
    public static (IReadOnlyList<string> Codes, IReadOnlyList<string> Hashes) Generate()
    {
        var codes = Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();
        return (codes, codes.Select(Hash).ToList());
    }

    public static string Hash(string code) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Normalise(code))));

    /// <summary>The index of the stored hash the code matches, or null. Compares with every hash in constant time.</summary>
    public static int? Match(string? code, IReadOnlyList<string> hashes)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var candidate = Encoding.ASCII.GetBytes(Hash(code));
        int? match = null;
        for (var i = 0; i < hashes.Count; i++)
            if (CryptographicOperations.FixedTimeEquals(candidate, Encoding.ASCII.GetBytes(hashes[i])))
                match = i;
        return match;
    }

    static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}-{new string(chars, 12, 4)}";
    }

    // People type codes with or without dashes, in either case.
    static string Normalise(string code) =>
        string.Concat(code.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
}
