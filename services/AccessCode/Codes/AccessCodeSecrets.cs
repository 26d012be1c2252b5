using System.Security.Cryptography;
using Portal.ServiceDefaults.Security;

namespace Portal.AccessCode.Codes;

/// <summary>
/// The two secrets behind stored codes: the sealing key (AES-256-GCM; the clear text is readable only through the
/// service, by staff who may see it) and the lookup key (HMAC; a guardian's entered code is found by its keyed hash).
/// </summary>
public sealed class AccessCodeSecrets(SealingKey sealing, AccessCodeLookup lookup, string keyId)
{
    public const string SealingKeyConfiguration = "Portal:AccessCode:CodeEncryptionKey";
    public const string LookupKeyConfiguration = "Portal:AccessCode:LookupKey";

    /// <summary>LOCAL DEVELOPMENT ONLY, public in this repository: base64 of "access-code-sealing-local-dev!!!".</summary>
    public const string LocalDevelopmentSealingKey = "YWNjZXNzLWNvZGUtc2VhbGluZy1sb2NhbC1kZXYhISE=";

    /// <summary>LOCAL DEVELOPMENT ONLY, public in this repository: base64 of "access-code-lookup-local-dev!!!!".</summary>
    public const string LocalDevelopmentLookupKey = "YWNjZXNzLWNvZGUtbG9va3VwLWxvY2FsLWRldiEhISE=";

    public static AccessCodeSecrets FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var sealingKey = ConfiguredKeys.Read(configuration, environment, SealingKeyConfiguration, LocalDevelopmentSealingKey, 32);
        var lookupKey = ConfiguredKeys.Read(configuration, environment, LookupKeyConfiguration, LocalDevelopmentLookupKey,
            AccessCodeLookup.MinimumKeyBytes);
        // The key id is a fingerprint that tells which key sealed a code (for rotation); it reveals nothing of the key.
        var keyId = Convert.ToHexStringLower(SHA256.HashData(sealingKey))[..12];
        return new AccessCodeSecrets(new SealingKey(sealingKey, SealingKeyConfiguration), new AccessCodeLookup(lookupKey), keyId);
    }

    /// <summary>A fresh code for the student: its printed form (shown once to the caller) and what the decider records.</summary>
    public (string Printed, NewCode Code) NewCodeFor(Guid student)
    {
        var printed = AccessCodeText.NewCode();
        var normalised = AccessCodeText.Normalise(printed)!;
        return (printed, new NewCode(lookup.HashOf(normalised), new SealedCode(sealing.Seal(normalised, Binding(student)), keyId)));
    }

    /// <summary>The lookup hash of a code as a guardian typed it, or null when it cannot be a code at all.</summary>
    public string? HashOfEntered(string? entered) => AccessCodeText.Normalise(entered) is { } code ? lookup.HashOf(code) : null;

    /// <summary>The printed code (XXXX-XXXX-XXXX) of a sealed one.</summary>
    public string Open(SealedCode code, Guid student) => AccessCodeText.Printed(sealing.Open(code.Ciphertext, Binding(student)));

    // Binding the ciphertext to its student: a sealed code copied onto another student's record does not open.
    private static string Binding(Guid student) => $"access code of student {student}";
}
