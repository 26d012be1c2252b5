using System.Collections.Immutable;
using System.Text.Json;
using Marten;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc.Persistence.Stores;

public sealed class MartenTokenStore(IDocumentStore store, TimeProvider clock)
    : MartenOidcStore<OidcToken>(store), IOpenIddictTokenStore<OidcToken>
{
    public IAsyncEnumerable<OidcToken> FindAsync(
        string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        StreamAsync(q => Matching(q, subject, client, status, type), cancellationToken);

    public IAsyncEnumerable<OidcToken> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return StreamAsync(q => q.Where(t => t.ApplicationId == identifier), cancellationToken);
    }

    public IAsyncEnumerable<OidcToken> FindByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return StreamAsync(q => q.Where(t => t.AuthorizationId == identifier), cancellationToken);
    }

    public ValueTask<OidcToken?> FindByReferenceIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return FirstAsync(t => t.ReferenceId == identifier, cancellationToken);
    }

    public IAsyncEnumerable<OidcToken> FindBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return StreamAsync(q => q.Where(t => t.Subject == subject), cancellationToken);
    }

    /// <summary>
    /// Removes tokens created before the threshold that are spent (redeemed, revoked, rejected), expired, or belong
    /// to an authorization that is no longer valid.
    /// </summary>
    public async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var session = Store.LightweightSession();
        // Marten has no joins. Invalid authorizations are themselves pruned after the same threshold,
        // so this id list stays as small as the pruning window.
        var invalidAuthorizations = (await session.Query<OidcAuthorization>()
            .Where(a => a.Status != Statuses.Valid).Select(a => a.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString()).ToArray();
        var pruned = (await session.Query<OidcToken>()
            .Where(t => t.CreationDate < threshold && (
                (t.Status != Statuses.Inactive && t.Status != Statuses.Valid) ||
                t.ExpirationDate < now ||
                invalidAuthorizations.Contains(t.AuthorizationId)))
            .Select(t => t.Id).ToListAsync(cancellationToken)).ToArray();
        if (pruned.Length == 0) return 0;
        session.DeleteWhere<OidcToken>(t => pruned.Contains(t.Id));
        await session.SaveChangesAsync(cancellationToken);
        return pruned.Length;
    }

    public ValueTask<long> RevokeAsync(
        string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        RevokeWhereAsync(q => Matching(q, subject, client, status, type), cancellationToken);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return RevokeWhereAsync(q => q.Where(t => t.ApplicationId == identifier), cancellationToken);
    }

    public ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return RevokeWhereAsync(q => q.Where(t => t.AuthorizationId == identifier), cancellationToken);
    }

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return RevokeWhereAsync(q => q.Where(t => t.Subject == subject), cancellationToken);
    }

    public ValueTask<string?> GetApplicationIdAsync(OidcToken token, CancellationToken cancellationToken) =>
        new(token.ApplicationId);

    public ValueTask<string?> GetAuthorizationIdAsync(OidcToken token, CancellationToken cancellationToken) =>
        new(token.AuthorizationId);

    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OidcToken token, CancellationToken cancellationToken) =>
        new(token.CreationDate);

    public ValueTask<DateTimeOffset?> GetExpirationDateAsync(OidcToken token, CancellationToken cancellationToken) =>
        new(token.ExpirationDate);

    public ValueTask<string?> GetPayloadAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Payload);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(
        OidcToken token, CancellationToken cancellationToken) => new(OidcValues.ToImmutable(token.Properties));

    public ValueTask<DateTimeOffset?> GetRedemptionDateAsync(OidcToken token, CancellationToken cancellationToken) =>
        new(token.RedemptionDate);

    public ValueTask<string?> GetReferenceIdAsync(OidcToken token, CancellationToken cancellationToken) =>
        new(token.ReferenceId);

    public ValueTask<string?> GetStatusAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Status);

    public ValueTask<string?> GetSubjectAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Subject);

    public ValueTask<string?> GetTypeAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Type);

    public ValueTask SetApplicationIdAsync(OidcToken token, string? identifier, CancellationToken cancellationToken) =>
        Set(() => token.ApplicationId = identifier);

    public ValueTask SetAuthorizationIdAsync(OidcToken token, string? identifier, CancellationToken cancellationToken) =>
        Set(() => token.AuthorizationId = identifier);

    public ValueTask SetCreationDateAsync(OidcToken token, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => token.CreationDate = date);

    public ValueTask SetExpirationDateAsync(OidcToken token, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => token.ExpirationDate = date);

    public ValueTask SetPayloadAsync(OidcToken token, string? payload, CancellationToken cancellationToken) =>
        Set(() => token.Payload = payload);

    public ValueTask SetPropertiesAsync(
        OidcToken token, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => token.Properties = OidcValues.ToStored(properties));

    public ValueTask SetRedemptionDateAsync(OidcToken token, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => token.RedemptionDate = date);

    public ValueTask SetReferenceIdAsync(OidcToken token, string? identifier, CancellationToken cancellationToken) =>
        Set(() => token.ReferenceId = identifier);

    public ValueTask SetStatusAsync(OidcToken token, string? status, CancellationToken cancellationToken) =>
        Set(() => token.Status = status);

    public ValueTask SetSubjectAsync(OidcToken token, string? subject, CancellationToken cancellationToken) =>
        Set(() => token.Subject = subject);

    public ValueTask SetTypeAsync(OidcToken token, string? type, CancellationToken cancellationToken) =>
        Set(() => token.Type = type);

    private ValueTask<long> RevokeWhereAsync(
        Func<IQueryable<OidcToken>, IQueryable<OidcToken>> filter, CancellationToken cancellationToken) =>
        Revocation.RevokeAsync<OidcToken>(Store, q => filter(q).Where(t => t.Status != Statuses.Revoked),
            t => t.Status = Statuses.Revoked, cancellationToken);

    private static IQueryable<OidcToken> Matching(
        IQueryable<OidcToken> query, string? subject, string? client, string? status, string? type)
    {
        if (!string.IsNullOrEmpty(subject)) query = query.Where(t => t.Subject == subject);
        if (!string.IsNullOrEmpty(client)) query = query.Where(t => t.ApplicationId == client);
        if (!string.IsNullOrEmpty(status)) query = query.Where(t => t.Status == status);
        if (!string.IsNullOrEmpty(type)) query = query.Where(t => t.Type == type);
        return query;
    }
}
