using System.Collections.Immutable;
using System.Text.Json;
using Marten;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc.Persistence.Stores;

public sealed class MartenAuthorizationStore(IDocumentStore store)
    : MartenOidcStore<OidcAuthorization>(store), IOpenIddictAuthorizationStore<OidcAuthorization>
{
    public IAsyncEnumerable<OidcAuthorization> FindAsync(
        string? subject, string? client, string? status, string? type, ImmutableArray<string>? scopes,
        CancellationToken cancellationToken) =>
        StreamAsync(q =>
        {
            q = Matching(q, subject, client, status, type);
            foreach (var scope in scopes ?? [])
                q = q.Where(a => a.Scopes.Contains(scope));
            return q;
        }, cancellationToken);

    public IAsyncEnumerable<OidcAuthorization> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return StreamAsync(q => q.Where(a => a.ApplicationId == identifier), cancellationToken);
    }

    public IAsyncEnumerable<OidcAuthorization> FindBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return StreamAsync(q => q.Where(a => a.Subject == subject), cancellationToken);
    }

    protected override void DeleteDependents(IDocumentSession session, string id) =>
        session.DeleteWhere<OidcToken>(t => t.AuthorizationId == id);

    /// <summary>
    /// Removes authorizations created before the threshold that are no longer valid, and ad hoc ones no token
    /// refers to any more, together with their tokens.
    /// </summary>
    public async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        await using var session = Store.LightweightSession();
        var invalid = await session.Query<OidcAuthorization>()
            .Where(a => a.CreationDate < threshold && a.Status != Statuses.Valid)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var adHoc = await session.Query<OidcAuthorization>()
            .Where(a => a.CreationDate < threshold && a.Status == Statuses.Valid && a.Type == AuthorizationTypes.AdHoc)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        // Marten has no joins: the ad hoc candidates are the old ones only, so their ids make a modest IN list.
        var adHocIds = adHoc.Select(id => id.ToString()).ToArray();
        var referenced = (await session.Query<OidcToken>()
            .Where(t => adHocIds.Contains(t.AuthorizationId))
            .Select(t => t.AuthorizationId!).ToListAsync(cancellationToken)).ToHashSet();

        var pruned = invalid.Concat(adHoc.Where(id => !referenced.Contains(id.ToString()))).ToArray();
        if (pruned.Length == 0) return 0;
        var prunedIds = pruned.Select(id => id.ToString()).ToArray();
        session.DeleteWhere<OidcToken>(t => prunedIds.Contains(t.AuthorizationId));
        session.DeleteWhere<OidcAuthorization>(a => pruned.Contains(a.Id));
        await session.SaveChangesAsync(cancellationToken);
        return pruned.Length;
    }

    public ValueTask<long> RevokeAsync(
        string? subject, string? client, string? status, string? type, CancellationToken cancellationToken)
        => RevokeWhereAsync(q => Matching(q, subject, client, status, type), cancellationToken);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return RevokeWhereAsync(q => q.Where(a => a.ApplicationId == identifier), cancellationToken);
    }

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return RevokeWhereAsync(q => q.Where(a => a.Subject == subject), cancellationToken);
    }

    public ValueTask<string?> GetApplicationIdAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(authorization.ApplicationId);

    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(authorization.CreationDate);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(
        OidcAuthorization authorization, CancellationToken cancellationToken) => new(OidcValues.ToImmutable(authorization.Properties));

    public ValueTask<ImmutableArray<string>> GetScopesAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new([.. authorization.Scopes]);

    public ValueTask<string?> GetStatusAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(authorization.Status);

    public ValueTask<string?> GetSubjectAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(authorization.Subject);

    public ValueTask<string?> GetTypeAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(authorization.Type);

    public ValueTask SetApplicationIdAsync(
        OidcAuthorization authorization, string? identifier, CancellationToken cancellationToken) =>
        Set(() => authorization.ApplicationId = identifier);

    public ValueTask SetCreationDateAsync(
        OidcAuthorization authorization, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => authorization.CreationDate = date);

    public ValueTask SetPropertiesAsync(
        OidcAuthorization authorization, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => authorization.Properties = OidcValues.ToStored(properties));

    public ValueTask SetScopesAsync(
        OidcAuthorization authorization, ImmutableArray<string> scopes, CancellationToken cancellationToken) =>
        Set(() => authorization.Scopes = OidcValues.ToStored(scopes));

    public ValueTask SetStatusAsync(OidcAuthorization authorization, string? status, CancellationToken cancellationToken) =>
        Set(() => authorization.Status = status);

    public ValueTask SetSubjectAsync(OidcAuthorization authorization, string? subject, CancellationToken cancellationToken) =>
        Set(() => authorization.Subject = subject);

    public ValueTask SetTypeAsync(OidcAuthorization authorization, string? type, CancellationToken cancellationToken) =>
        Set(() => authorization.Type = type);

    private ValueTask<long> RevokeWhereAsync(
        Func<IQueryable<OidcAuthorization>, IQueryable<OidcAuthorization>> filter, CancellationToken cancellationToken) =>
        Revocation.RevokeAsync<OidcAuthorization>(Store, q => filter(q).Where(a => a.Status != Statuses.Revoked),
            a => a.Status = Statuses.Revoked, cancellationToken);

    private static IQueryable<OidcAuthorization> Matching(
        IQueryable<OidcAuthorization> query, string? subject, string? client, string? status, string? type)
    {
        if (!string.IsNullOrEmpty(subject)) query = query.Where(a => a.Subject == subject);
        if (!string.IsNullOrEmpty(client)) query = query.Where(a => a.ApplicationId == client);
        if (!string.IsNullOrEmpty(status)) query = query.Where(a => a.Status == status);
        if (!string.IsNullOrEmpty(type)) query = query.Where(a => a.Type == type);
        return query;
    }
}
