using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Oidc.Persistence.SigningKeys;

/// <summary>The AES-256 key that seals signing keys and TOTP secrets at rest (configuration <c>Portal:Identity:KeyEncryptionKey</c>, base64).</summary>
public sealed class KeyEncryptionKey(byte[] key) : SealingKey(key, ConfigurationKey)
{
    public const string ConfigurationKey = "Portal:Identity:KeyEncryptionKey";

    /// <summary>
    /// LOCAL DEVELOPMENT ONLY, public in this repository: base64 of "portal-local-development-only!!!". Used only when
    /// the setting is absent in Development or Testing; any other environment refuses to start without a real key.
    /// </summary>
    public const string LocalDevelopmentDefault = "cG9ydGFsLWxvY2FsLWRldmVsb3BtZW50LW9ubHkhISE=";

    public static KeyEncryptionKey FromConfiguration(IConfiguration configuration, IHostEnvironment environment) =>
        new(ConfiguredKeys.Read(configuration, environment, ConfigurationKey, LocalDevelopmentDefault, minimumBytes: 32));
}
