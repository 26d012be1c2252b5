namespace Portal.Identity.Oidc.Persistence.SigningKeys;

/// <summary>
/// One RS256 signing key. The private key is PKCS#8 PEM sealed with AES-GCM under the key-encryption key from
/// configuration, so a database dump alone cannot sign tokens.
/// </summary>
public sealed class OidcSigningKey
{
    /// <summary>The JWK key id (kid).</summary>
    public required string Id { get; init; }

    /// <summary>1 for the first key, one more per rotation; unique, which settles replicas creating keys at once.</summary>
    public required int Generation { get; init; }

    public required string Algorithm { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ActivatedAt { get; init; }

    /// <summary>When a newer key took over signing; the key is still published for validation for the retention period.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Base64 of nonce, tag and ciphertext; the kid is the associated data, so a sealed key cannot be swapped.</summary>
    public required string SealedPrivateKey { get; init; }
}
