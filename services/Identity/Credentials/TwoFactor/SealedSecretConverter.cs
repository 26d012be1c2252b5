using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Identity.Oidc.Persistence.SigningKeys;

namespace Portal.Identity.Credentials;

/// <summary>
/// Writes a TOTP secret sealed with AES-GCM under the key-encryption key, so the events and snapshots in
/// PostgreSQL hold no usable secret; the deciders see it in the clear. Applied by attribute to the secret's
/// properties, so the key is set once at start-up (<see cref="Use"/>): a converter made by an attribute has no DI.
/// </summary>
public sealed class SealedSecretConverter : JsonConverter<string>
{
    const string Prefix = "sealed:";
    const string Purpose = "portal-totp-secret";
    static KeyEncryptionKey? key;

    public static void Use(KeyEncryptionKey keyEncryptionKey) => key = keyEncryptionKey;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var stored = reader.GetString();
        return stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal)
            ? Key.Open(stored[Prefix.Length..], Purpose)
            : stored;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Prefix + Key.Seal(value, Purpose));

    static KeyEncryptionKey Key => key ?? throw new InvalidOperationException("The key-encryption key for TOTP secrets is not set.");
}
