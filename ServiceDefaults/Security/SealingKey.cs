using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Portal.ServiceDefaults.Security;

/// <summary>
/// An AES-256-GCM key that seals secrets at rest (signing keys, TOTP secrets, access codes). The associated data binds a
/// sealed value to what it belongs to, so a ciphertext copied onto another record does not open.
/// </summary>
public class SealingKey
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;
    private readonly string configurationKey;

    public SealingKey(byte[] key, string configurationKey)
    {
        if (key.Length != 32) throw new ArgumentException($"{configurationKey} must be 32 bytes (AES-256).", nameof(key));
        this.key = key;
        this.configurationKey = configurationKey;
    }

    public string Seal(string plaintext, string associatedData)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize),
            Encoding.UTF8.GetBytes(associatedData));
        CryptographicOperations.ZeroMemory(plain);
        return Convert.ToBase64String(sealedBytes);
    }

    public string Open(string sealedText, string associatedData)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize),
                sealedBytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new CryptographicException(
                $"{associatedData} cannot be opened: {configurationKey} is not the key it was sealed with.", exception);
        }

        return Encoding.UTF8.GetString(plain);
    }
}

/// <summary>Secret keys read from configuration as base64, with a public local-development default outside production.</summary>
public static class ConfiguredKeys
{
    /// <summary>
    /// The key's bytes. The local-development default (public in the repository) is used only when the setting is
    /// absent in Development or Testing; any other environment refuses to start without a real key.
    /// </summary>
    public static byte[] Read(IConfiguration configuration, IHostEnvironment environment, string configurationKey,
        string localDevelopmentDefault, int minimumBytes)
    {
        var configured = configuration[configurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
                throw new InvalidOperationException(
                    $"{configurationKey} is not configured: give {minimumBytes} random bytes, base64-encoded (e.g. `openssl rand -base64 {minimumBytes}`).");
            configured = localDevelopmentDefault;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{configurationKey} is not valid base64.");
        }

        return bytes.Length >= minimumBytes
            ? bytes
            : throw new InvalidOperationException($"{configurationKey} must be at least {minimumBytes} bytes; it has {bytes.Length}.");
    }
}
