using Marten;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Portal.Identity.Oidc.Persistence.Stores;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Tests.Oidc.Persistence;

public sealed class AuthorizationAndScopeStoreTests(OidcMartenHost marten) : IClassFixture<OidcMartenHost>
{
    private readonly string subject = "subject-" + Guid.NewGuid();
    private readonly string client = Guid.NewGuid().ToString();

    [Fact]
    public async Task Authorizations_are_found_by_subject_client_status_type_and_a_subset_of_their_scopes()
    {
        var wide = await Create(scopes: ["openid", "portal", "offline_access"]);
        await Create(scopes: ["openid"]);
        await Create(status: Statuses.Revoked, scopes: ["openid", "portal"]);

        await using var scope = marten.Scope();
        var manager = Authorizations(scope);
        var found = await manager.FindAsync(subject, client, Statuses.Valid, AuthorizationTypes.Permanent, ["portal", "openid"])
            .ToListAsync();

        Assert.Equal(wide, await manager.GetIdAsync(Assert.Single(found)));
        Assert.Equal(3, await manager.FindBySubjectAsync(subject).CountAsync());
        Assert.Equal(2, await manager.FindAsync(subject, client, Statuses.Valid, null, null).CountAsync());
        Assert.Equal(3, await manager.FindByApplicationIdAsync(client).CountAsync());
    }

    [Fact]
    public async Task Revoking_by_subject_revokes_every_valid_authorization_of_that_subject()
    {
        await Create();
        await Create(type: AuthorizationTypes.AdHoc);

        await using var scope = marten.Scope();
        Assert.Equal(2, await Authorizations(scope).RevokeBySubjectAsync(subject));
        Assert.Empty(await Authorizations(scope).FindAsync(subject, null, Statuses.Valid, null, null).ToListAsync());
        Assert.Equal(0, await Authorizations(scope).RevokeAsync(subject, client, null, null));
    }

    [Fact]
    public async Task Pruning_removes_old_invalid_and_unused_ad_hoc_authorizations_with_their_tokens()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-30);
        var revoked = await Create(status: Statuses.Revoked, created: old);
        var unusedAdHoc = await Create(type: AuthorizationTypes.AdHoc, created: old);
        var usedAdHoc = await Create(type: AuthorizationTypes.AdHoc, created: old);
        var permanent = await Create(created: old);
        var recentRevoked = await Create(status: Statuses.Revoked);
        await CreateToken(usedAdHoc);
        await CreateToken(revoked);

        await using var scope = marten.Scope();
        Assert.True(await Authorizations(scope).PruneAsync(DateTimeOffset.UtcNow.AddDays(-14)) >= 2);

        var left = new List<string>();
        await foreach (var authorization in Authorizations(scope).FindBySubjectAsync(subject))
            left.Add((await Authorizations(scope).GetIdAsync(authorization))!);
        Assert.Equal(new[] { usedAdHoc, permanent, recentRevoked }.Order(), left.Order());
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        Assert.Empty(await tokens.FindByAuthorizationIdAsync(revoked).ToListAsync());
        Assert.Single(await tokens.FindByAuthorizationIdAsync(usedAdHoc).ToListAsync());
        Assert.DoesNotContain(unusedAdHoc, left);
    }

    [Fact]
    public async Task Scopes_are_found_by_name_names_and_resource()
    {
        var name = "scope-" + Guid.NewGuid().ToString("N")[..8];
        var resource = "resource-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = marten.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        await manager.CreateAsync(new OpenIddictScopeDescriptor
        {
            Name = name, DisplayName = "Billing", Description = "Read invoices", Resources = { resource }
        });
        await manager.CreateAsync(new OpenIddictScopeDescriptor { Name = name + "-other" });

        var found = (await manager.FindByNameAsync(name))!;
        Assert.Equal("Billing", await manager.GetDisplayNameAsync(found));
        Assert.Equal("Read invoices", await manager.GetDescriptionAsync(found));
        Assert.Equal(2, await manager.FindByNamesAsync([name, name + "-other", "missing"]).CountAsync());
        Assert.Equal(name, await manager.GetNameAsync(Assert.Single(await manager.FindByResourceAsync(resource).ToListAsync())));
        Assert.Equal([resource], await manager.ListResourcesAsync([name]).ToListAsync());
    }

    private static IOpenIddictAuthorizationManager Authorizations(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();

    private async Task<string> Create(
        string status = Statuses.Valid, string type = AuthorizationTypes.Permanent, DateTimeOffset? created = null,
        string[]? scopes = null)
    {
        await using var scope = marten.Scope();
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = client, Subject = subject, Status = status, Type = type, CreationDate = created ?? DateTimeOffset.UtcNow
        };
        descriptor.Scopes.UnionWith(scopes ?? ["openid"]);
        var authorization = await Authorizations(scope).CreateAsync(descriptor);
        return (await Authorizations(scope).GetIdAsync(authorization))!;
    }

    private async Task CreateToken(string authorizationId)
    {
        await using var session = marten.Store.LightweightSession();
        session.Insert(new OidcToken
        {
            Id = Guid.NewGuid(), AuthorizationId = authorizationId, ApplicationId = client, Subject = subject,
            Status = Statuses.Valid, Type = TokenTypeIdentifiers.Private.AuthorizationCode, CreationDate = DateTimeOffset.UtcNow,
            ExpirationDate = DateTimeOffset.UtcNow.AddDays(1)
        });
        await session.SaveChangesAsync();
    }
}
