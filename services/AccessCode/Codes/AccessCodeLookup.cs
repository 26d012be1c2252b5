using System.Security.Cryptography;
using System.Text;

namespace Portal.AccessCode.Codes;

/// <summary>
/// The keyed hash a code is found by (HMAC-SHA256 under a secret key of the service): a stolen database without the
/// key cannot be turned back into codes by trying all of them, and equal codes in two organisations stay equal only
/// for whoever holds the key.
/// </summary>
public sealed class AccessCodeLookup(byte[] key)
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] key = key.Length >= MinimumKeyBytes
        ? key
        : throw new ArgumentException($"The access-code lookup key must have at least {MinimumKeyBytes} bytes.", nameof(key));

    /// <summary>The lookup value of a normalised code (see <see cref="AccessCodeText.Normalise"/>).</summary>
    public string HashOf(string normalisedCode) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(normalisedCode)));
}
