using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Portal.Identity.Oidc.Persistence.SigningKeys;

/// <summary>
/// Identity's token signing keys, kept in Marten: the newest key signs, retired ones stay published for
/// validation until the retention period has passed, then they are deleted. Each replica holds the ring in
/// memory; a rotation reaches the replica that made it at once and the others at their next refresh.
/// </summary>
public sealed class SigningKeyRing(
    IDocumentStore store, KeyEncryptionKey encryption, IOptions<SigningKeyOptions> options, TimeProvider clock,
    ILogger<SigningKeyRing> logger)
{
    public const string Algorithm = SecurityAlgorithms.RsaSha256;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, SigningCredentials> opened = [];
    private IReadOnlyList<SigningCredentials>? credentials;
    private CancellationTokenSource changed = new();

    /// <summary>Signing credentials, the one to sign with first. Loads the ring on first use if nobody has yet.</summary>
    public IReadOnlyList<SigningCredentials> SigningCredentials =>
        // Options are built synchronously; normally SigningKeyRefresher has loaded the ring at startup already.
        credentials ?? LoadAsync(CancellationToken.None).GetAwaiter().GetResult();

    public SigningCredentials Current => SigningCredentials[0];

    /// <summary>The keys a JWKS should publish: the current one and retired ones within retention.</summary>
    public IReadOnlyList<SecurityKey> PublishedKeys => [.. SigningCredentials.Select(c => c.Key)];

    /// <summary>Fires when the set of keys changes (rotation, refresh that found a new key, expiry).</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref changed).Token);

    /// <summary>Reads the ring, creating the first key when there is none, and drops keys past retention.</summary>
    public async Task<IReadOnlyList<SigningCredentials>> LoadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var keys = await ReadAsync(cancellationToken);
            if (keys.Count == 0)
            {
                await TryAddKeyAsync(generation: 1, predecessor: null, cancellationToken);
                keys = await ReadAsync(cancellationToken);
            }

            return await PublishAsync(keys, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Adds a key that signs from now on; the previous one is retired but stays published for the retention period.</summary>
    public async Task<IReadOnlyList<SigningCredentials>> RotateAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var keys = await ReadAsync(cancellationToken);
            var latest = keys.Count == 0 ? null : keys[0];
            if (await TryAddKeyAsync((latest?.Generation ?? 0) + 1, latest, cancellationToken))
                logger.LogInformation("Rotated the token signing key after generation {Generation}", latest?.Generation ?? 0);
            return await PublishAsync(await ReadAsync(cancellationToken), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<OidcSigningKey>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<OidcSigningKey>().OrderByDescending(k => k.Generation).ToListAsync(cancellationToken);
    }

    /// <returns>False when another replica added this generation first; its key is as good as ours.</returns>
    private async Task<bool> TryAddKeyAsync(int generation, OidcSigningKey? predecessor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var kid = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        using var rsa = RSA.Create(2048);
        var key = new OidcSigningKey
        {
            Id = kid,
            Generation = generation,
            Algorithm = Algorithm,
            CreatedAt = now,
            ActivatedAt = now,
            SealedPrivateKey = encryption.Seal(rsa.ExportPkcs8PrivateKeyPem(), kid)
        };

        await using var session = store.LightweightSession();
        session.Insert(key);
        if (predecessor is not null)
        {
            predecessor.RetiredAt = now;
            session.Update(predecessor);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (IsUniqueViolation(exception))
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<SigningCredentials>> PublishAsync(
        IReadOnlyList<OidcSigningKey> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var retention = options.Value.RetentionPeriod;
        var published = keys.Where((k, i) => i == 0 || (k.RetiredAt ?? keys[i - 1].ActivatedAt) + retention > now).ToList();
        var expired = keys.Except(published).Select(k => k.Id).ToArray();
        if (expired.Length > 0)
        {
            await using var session = store.LightweightSession();
            session.DeleteWhere<OidcSigningKey>(k => expired.Contains(k.Id));
            await session.SaveChangesAsync(cancellationToken);
        }

        var result = published.Select(Open).ToList();
        var previous = credentials;
        credentials = result;
        foreach (var kid in opened.Keys.Except(published.Select(k => k.Id)).ToList()) opened.Remove(kid);
        if (previous is not null && !previous.Select(c => c.Kid).SequenceEqual(result.Select(c => c.Kid)))
        {
            var old = Interlocked.Exchange(ref changed, new CancellationTokenSource());
            old.Cancel();
            old.Dispose();
        }

        return result;
    }

    private SigningCredentials Open(OidcSigningKey key)
    {
        if (opened.TryGetValue(key.Id, out var known)) return known;
        var rsa = RSA.Create();
        rsa.ImportFromPem(encryption.Open(key.SealedPrivateKey, key.Id));
        var credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = key.Id }, key.Algorithm);
        opened[key.Id] = credentials;
        return credentials;
    }

    private static bool IsUniqueViolation(Exception exception) => exception switch
    {
        JasperFx.DocumentAlreadyExistsException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUniqueViolation),
        _ => exception.InnerException is { } inner && IsUniqueViolation(inner)
    };
}
