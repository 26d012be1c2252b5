using System.Security.Cryptography;
using System.Text;

namespace Portal.Identity.Oidc.Persistence.SigningKeys;

/// <summary>The AES-256 key that seals signing keys at rest (configuration <c>Portal:Identity:KeyEncryptionKey</c>, base64).</summary>
public sealed class KeyEncryptionKey
{
    public const string ConfigurationKey = "Portal:Identity:KeyEncryptionKey";

    /// <summary>
    /// LOCAL DEVELOPMENT ONLY, public in this repository: base64 of "portal-local-development-only!!!". Used only when
    /// the setting is absent in Development or Testing; any other environment refuses to start without a real key.
    /// </summary>
    public const string LocalDevelopmentDefault = "cG9ydGFsLWxvY2FsLWRldmVsb3BtZW50LW9ubHkhISE=";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;

    public KeyEncryptionKey(byte[] key)
    {
        if (key.Length != 32) throw new ArgumentException("The key-encryption key must be 32 bytes (AES-256).", nameof(key));
        this.key = key;
    }

    public static KeyEncryptionKey FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
                throw new InvalidOperationException(
                    $"{ConfigurationKey} is not configured: give 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`).");
            configured = LocalDevelopmentDefault;
        }

        try
        {
            return new KeyEncryptionKey(Convert.FromBase64String(configured));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{ConfigurationKey} is not valid base64.");
        }
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
                $"Signing key {associatedData} cannot be opened: {ConfigurationKey} is not the key it was sealed with.", exception);
        }

        return Encoding.UTF8.GetString(plain);
    }
}
