using Marten;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Portal.Identity.Oidc.Persistence.Stores;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Tests.Oidc.Persistence;

public sealed class TokenStoreTests(OidcMartenHost marten) : IClassFixture<OidcMartenHost>
{
    private readonly string subject = "subject-" + Guid.NewGuid();
    private readonly string applicationId = Guid.NewGuid().ToString();

    [Fact]
    public async Task Tokens_are_found_by_id_reference_id_subject_authorization_and_application()
    {
        var authorizationId = Guid.NewGuid().ToString();
        var referenceId = "reference-" + Guid.NewGuid();
        var id = await Create(authorizationId: authorizationId, referenceId: referenceId);

        await using var scope = marten.Scope();
        var tokens = Tokens(scope);
        Assert.NotNull(await tokens.FindByIdAsync(id));
        Assert.Equal(id, await tokens.GetIdAsync((await tokens.FindByReferenceIdAsync(referenceId))!));
        Assert.Equal(id, await tokens.GetIdAsync(Assert.Single(await tokens.FindBySubjectAsync(subject).ToListAsync())));
        Assert.Single(await tokens.FindByAuthorizationIdAsync(authorizationId).ToListAsync());
        Assert.Single(await tokens.FindByApplicationIdAsync(applicationId).ToListAsync());
        Assert.Single(await tokens.FindAsync(subject, applicationId, Statuses.Valid, TokenTypeHints.RefreshToken).ToListAsync());
        Assert.Empty(await tokens.FindAsync(subject, applicationId, Statuses.Redeemed, null).ToListAsync());
        Assert.Null(await tokens.FindByIdAsync("not-a-guid"));
    }

    [Fact]
    public async Task A_token_read_before_its_redemption_cannot_be_redeemed_again()
    {
        var id = await Create();
        await using var first = marten.Scope();
        await using var second = marten.Scope();
        var firstCopy = (await Tokens(first).FindByIdAsync(id))!;
        var secondCopy = (await Tokens(second).FindByIdAsync(id))!;

        Assert.True(await Tokens(first).TryRedeemAsync(firstCopy));
        Assert.False(await Tokens(second).TryRedeemAsync(secondCopy));

        var stored = await Load(id);
        Assert.Equal(Statuses.Redeemed, stored.Status);
        Assert.NotNull(stored.RedemptionDate);
    }

    [Fact]
    public async Task Of_many_concurrent_redemptions_of_one_token_exactly_one_succeeds()
    {
        var id = await Create();
        var scopes = Enumerable.Range(0, 8).Select(_ => marten.Scope()).ToList();
        var copies = new List<object>();
        foreach (var scope in scopes) copies.Add((await Tokens(scope).FindByIdAsync(id))!);

        var results = await Task.WhenAll(scopes.Select((scope, i) => Task.Run(() => Tokens(scope).TryRedeemAsync(copies[i]).AsTask())));

        Assert.Single(results, redeemed => redeemed);
        foreach (var scope in scopes) await scope.DisposeAsync();
    }

    [Fact]
    public async Task Deleting_a_stale_copy_is_a_concurrency_conflict_and_keeps_the_token()
    {
        var id = await Create();
        var store = marten.Services.GetRequiredService<IOpenIddictTokenStore<OidcToken>>();
        var stale = (await store.FindByIdAsync(id, default))!;
        var fresh = (await store.FindByIdAsync(id, default))!;
        fresh.Status = Statuses.Rejected;
        await store.UpdateAsync(fresh, default);

        await Assert.ThrowsAsync<OpenIddictExceptions.ConcurrencyException>(() => store.DeleteAsync(stale, default).AsTask());
        Assert.Equal(Statuses.Rejected, (await Load(id)).Status);

        await store.DeleteAsync(fresh, default);
        Assert.Null(await store.FindByIdAsync(id, default));
    }

    [Fact]
    public async Task Revoking_by_authorization_revokes_only_its_valid_tokens_and_beats_a_later_stale_redemption()
    {
        var authorizationId = Guid.NewGuid().ToString();
        var revoked = await Create(authorizationId: authorizationId);
        await Create(authorizationId: authorizationId);
        var other = await Create(authorizationId: Guid.NewGuid().ToString());
        await using var scope = marten.Scope();
        var staleCopy = (await Tokens(scope).FindByIdAsync(revoked))!;

        await using var admin = marten.Scope();
        Assert.Equal(2, await Tokens(admin).RevokeByAuthorizationIdAsync(authorizationId));

        Assert.False(await Tokens(scope).TryRedeemAsync(staleCopy));
        Assert.Equal(Statuses.Revoked, (await Load(revoked)).Status);
        Assert.Equal(Statuses.Valid, (await Load(other)).Status);
        Assert.Equal(0, await Tokens(admin).RevokeByAuthorizationIdAsync(authorizationId));
    }

    [Fact]
    public async Task Revoking_by_subject_and_by_filter_counts_what_changed()
    {
        await Create();
        await Create(type: TokenTypeHints.AccessToken);

        await using var scope = marten.Scope();
        Assert.Equal(1, await Tokens(scope).RevokeAsync(subject, applicationId, Statuses.Valid, TokenTypeHints.AccessToken));
        Assert.Equal(1, await Tokens(scope).RevokeBySubjectAsync(subject));
        Assert.Equal(2, await Tokens(scope).FindAsync(subject, null, Statuses.Revoked, null).CountAsync());
    }

    [Fact]
    public async Task Pruning_removes_old_spent_expired_and_orphaned_tokens_only()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-30);
        var revokedAuthorization = await CreateAuthorization(Statuses.Revoked);
        var redeemed = await Create(created: old, status: Statuses.Redeemed);
        var expired = await Create(created: old, expires: DateTimeOffset.UtcNow.AddDays(-1));
        var ofRevokedAuthorization = await Create(created: old, authorizationId: revokedAuthorization);
        var oldButValid = await Create(created: old, expires: DateTimeOffset.UtcNow.AddDays(1));
        var recentRedeemed = await Create(status: Statuses.Redeemed);

        await using var scope = marten.Scope();
        Assert.True(await Tokens(scope).PruneAsync(DateTimeOffset.UtcNow.AddDays(-14)) >= 3);

        await using var session = marten.Store.QuerySession();
        var left = (await session.Query<OidcToken>().Where(t => t.Subject == subject).ToListAsync()).Select(t => t.Id.ToString());
        Assert.Equal(new[] { oldButValid, recentRedeemed }.Order(), left.Order());
        Assert.DoesNotContain(redeemed, left);
        Assert.DoesNotContain(expired, left);
        Assert.DoesNotContain(ofRevokedAuthorization, left);
    }

    [Fact]
    public async Task A_reference_id_is_unique()
    {
        await using var session = marten.Store.LightweightSession();
        var referenceId = "ref-" + Guid.NewGuid();
        session.Insert(new OidcToken { Id = Guid.NewGuid(), ReferenceId = referenceId });
        session.Insert(new OidcToken { Id = Guid.NewGuid(), ReferenceId = referenceId });
        await UniqueViolation.Expect(() => session.SaveChangesAsync(), "oidc_token_reference_id");
    }

    private static IOpenIddictTokenManager Tokens(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();

    private async Task<string> Create(
        string? authorizationId = null, string? referenceId = null, DateTimeOffset? created = null,
        DateTimeOffset? expires = null, string status = Statuses.Valid, string type = TokenTypeHints.RefreshToken)
    {
        await using var scope = marten.Scope();
        var manager = Tokens(scope);
        var token = await manager.CreateAsync(new OpenIddictTokenDescriptor
        {
            ApplicationId = applicationId, AuthorizationId = authorizationId, Subject = subject, Status = status, Type = type,
            CreationDate = created ?? DateTimeOffset.UtcNow, ExpirationDate = expires ?? DateTimeOffset.UtcNow.AddDays(14),
            ReferenceId = referenceId
        });
        return (await manager.GetIdAsync(token))!;
    }

    private async Task<string> CreateAuthorization(string status)
    {
        await using var scope = marten.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var authorization = await manager.CreateAsync(new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = applicationId, Subject = subject, Status = status, Type = AuthorizationTypes.Permanent,
            CreationDate = DateTimeOffset.UtcNow
        });
        return (await manager.GetIdAsync(authorization))!;
    }

    private async Task<OidcToken> Load(string id)
    {
        await using var session = marten.Store.QuerySession();
        return (await session.LoadAsync<OidcToken>(Guid.Parse(id)))!;
    }
}
