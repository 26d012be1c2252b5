using System.Security.Cryptography;
using System.Text;

namespace Portal.AccessCode.Codes;

/// <summary>
/// What an access code looks like: 12 symbols from an alphabet without look-alikes (no 0/O, 1/I/L, U/V), printed in
/// three groups of four (<c>K7QM-2XPD-9HTR</c>), drawn from the operating system's secure generator. 29 symbols give
/// 12 × log2(29) ≈ 58 bits. Entry is case-insensitive and ignores spaces and dashes.
/// </summary>
public static class AccessCodeText
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    public const int Length = 12;
    public const int GroupLength = 4;

    public static double EntropyBits => Length * Math.Log2(Alphabet.Length);

    public static string NewCode()
    {
        Span<char> symbols = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return Printed(new string(symbols));
    }

    /// <summary>The code as entered, reduced to its 12 symbols in upper case; null when it cannot be a code at all.</summary>
    public static string? Normalise(string? entered)
    {
        if (string.IsNullOrWhiteSpace(entered)) return null;
        var symbols = new StringBuilder(Length);
        foreach (var c in entered)
        {
            if (c is ' ' or '-' or '\t') continue;
            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper)) return null;
            symbols.Append(upper);
        }
        return symbols.Length == Length ? symbols.ToString() : null;
    }

    /// <summary>Groups of four joined by dashes, the form printed on letters and shown to staff.</summary>
    public static string Printed(string normalised) =>
        string.Join('-', normalised.Chunk(GroupLength).Select(group => new string(group)));
}
