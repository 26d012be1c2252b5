using System.Security.Cryptography;
using System.Text;

namespace Portal.Identity.Credentials;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes in a self-describing format, <c>pbkdf2-sha256$iterations$salt$hash</c>
/// (base64), so that parameters can be raised later and old hashes upgraded at the next successful sign-in.
/// </summary>
public sealed class PasswordHasher
{
    /// <summary>OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;
    const string Scheme = "pbkdf2-sha256";
    const int SaltBytes = 16;
    const int KeyBytes = 32;
    // A stored hash names its own cost; a ceiling stops a corrupted or planted value from pinning a CPU.
    const int MaximumIterations = 10_000_000;

    public PasswordHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaximumIterations);
        Iterations = iterations;
    }

    public int Iterations { get; }

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Derive(password, salt, Iterations);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }

    public bool Verify(string password, string encodedHash)
    {
        if (!TryParse(encodedHash, out var stored))
            return false;
        var actual = Derive(password, stored.Salt, stored.Iterations);
        return CryptographicOperations.FixedTimeEquals(actual, stored.Key);
    }

    /// <summary>True when the hash was made with weaker parameters than this hasher's (or cannot be read).</summary>
    public bool NeedsRehash(string encodedHash) =>
        !TryParse(encodedHash, out var stored) || stored.Iterations < Iterations;

    static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, KeyBytes);

    static bool TryParse(string? encoded, out StoredHash stored)
    {
        stored = default;
        var parts = encoded?.Split('$');
        if (parts is not [Scheme, var iterationsText, var saltText, var keyText])
            return false;
        if (!int.TryParse(iterationsText, System.Globalization.NumberStyles.None, null, out var iterations)
            || iterations is < 1 or > MaximumIterations)
            return false;
        var salt = new byte[SaltBytes];
        var key = new byte[KeyBytes];
        if (!Convert.TryFromBase64String(saltText, salt, out var saltLength) || saltLength != SaltBytes
            || !Convert.TryFromBase64String(keyText, key, out var keyLength) || keyLength != KeyBytes)
            return false;
        stored = new StoredHash(iterations, salt, key);
        return true;
    }

    readonly record struct StoredHash(int Iterations, byte[] Salt, byte[] Key);
}
