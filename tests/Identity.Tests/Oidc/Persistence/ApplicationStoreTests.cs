using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using Portal.Identity.Oidc.Persistence.Stores;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Tests.Oidc.Persistence;

public sealed class ApplicationStoreTests(OidcMartenHost marten) : IClassFixture<OidcMartenHost>
{
    private const string Secret = "a-client-secret-of-some-length-1234";

    [Fact]
    public async Task The_client_secret_is_stored_hashed_and_validates()
    {
        var clientId = await Create();

        await using var scope = marten.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await manager.FindByClientIdAsync(clientId);
        Assert.NotNull(application);
        Assert.True(await manager.ValidateClientSecretAsync(application, Secret));
        Assert.False(await manager.ValidateClientSecretAsync(application, Secret + "x"));

        var stored = await Load(await manager.GetIdAsync(application));
        Assert.False(string.IsNullOrEmpty(stored.ClientSecret));
        Assert.NotEqual(Secret, stored.ClientSecret);
        await using var session = marten.Store.QuerySession();
        Assert.DoesNotContain(Secret, await session.Json.FindByIdAsync<OidcApplication>(stored.Id));
    }

    [Fact]
    public async Task Applications_are_found_by_client_id_redirect_uri_and_post_logout_redirect_uri()
    {
        var clientId = await Create();
        await Create(); // another client, which no lookup below may answer

        await using var scope = marten.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var byRedirect = await manager.FindByRedirectUriAsync(RedirectUri(clientId)).ToListAsync();
        var byLogout = await manager.FindByPostLogoutRedirectUriAsync($"https://{clientId}.example/signed-out").ToListAsync();

        Assert.Equal(clientId, await manager.GetClientIdAsync(Assert.Single(byRedirect)));
        Assert.Equal(clientId, await manager.GetClientIdAsync(Assert.Single(byLogout)));
        Assert.Null(await manager.FindByClientIdAsync("nobody-" + Guid.NewGuid()));
        Assert.Empty(await manager.FindByRedirectUriAsync("https://nowhere.example/cb").ToListAsync());
    }

    [Fact]
    public async Task Every_field_survives_a_round_trip()
    {
        var clientId = await Create();

        await using var scope = marten.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = (await manager.FindByClientIdAsync(clientId))!;
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, application);

        Assert.Equal("Test client", descriptor.DisplayName);
        Assert.Equal(ClientTypes.Confidential, descriptor.ClientType);
        Assert.Equal(ConsentTypes.Explicit, descriptor.ConsentType);
        Assert.Equal(ApplicationTypes.Web, descriptor.ApplicationType);
        Assert.Equal([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "portal"],
            descriptor.Permissions.Order());
        Assert.Equal([Requirements.Features.ProofKeyForCodeExchange], descriptor.Requirements);
        Assert.Equal("00:05:00", descriptor.Settings[Settings.TokenLifetimes.AccessToken]);
        Assert.Equal(42, descriptor.Properties["organisation_count"].GetInt32());
        Assert.Equal([new Uri(RedirectUri(clientId))], descriptor.RedirectUris);
        Assert.Equal("key-1", Assert.Single(descriptor.JsonWebKeySet!.Keys).Kid);
    }

    [Fact]
    public async Task Typed_queries_run_in_PostgreSQL()
    {
        var first = await Create();
        var second = await Create();

        await using var scope = marten.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<OpenIddictApplicationManager<OidcApplication>>();
        var mine = new[] { first, second };
        var ids = await manager.ListAsync((apps, wanted) => apps.Where(a => wanted.Contains(a.ClientId!))
            .OrderBy(a => a.ClientId).Select(a => a.ClientId!), mine).ToListAsync();
        var count = await manager.CountAsync(apps => apps.Where(a => mine.Contains(a.ClientId!)));
        var name = await manager.GetAsync((apps, id) => apps.Where(a => a.ClientId == id).Select(a => a.DisplayName), first);

        Assert.Equal(mine.Order(), ids);
        Assert.Equal(2, count);
        Assert.Equal("Test client", name);
        Assert.True(await manager.CountAsync() >= 2);
        Assert.Equal(2, await manager.ListAsync(count: 2, offset: 0).CountAsync());
    }

    [Fact]
    public async Task Applications_are_global_rather_than_per_organisation()
    {
        var clientId = await Create();

        await using var organisation = marten.Store.QuerySession(Guid.NewGuid().ToString());
        Assert.NotNull(await organisation.Query<OidcApplication>().FirstOrDefaultAsync(a => a.ClientId == clientId));
    }

    [Fact]
    public async Task A_client_id_is_unique_even_when_written_around_the_manager()
    {
        var clientId = await Create();

        await using var session = marten.Store.LightweightSession();
        session.Insert(new OidcApplication { Id = Guid.NewGuid(), ClientId = clientId });
        await UniqueViolation.Expect(() => session.SaveChangesAsync(), "oidc_application_client_id");
    }

    [Fact]
    public async Task An_update_from_a_stale_copy_is_a_concurrency_conflict_and_changes_nothing()
    {
        var clientId = await Create();
        await using var first = marten.Scope();
        await using var second = marten.Scope();
        var firstManager = first.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var secondManager = second.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var fresh = (await firstManager.FindByClientIdAsync(clientId))!;
        var stale = (await secondManager.FindByClientIdAsync(clientId))!;

        await firstManager.UpdateAsync(fresh, Describe(clientId, "Renamed"));
        await Assert.ThrowsAsync<OpenIddictExceptions.ConcurrencyException>(() =>
            secondManager.UpdateAsync(stale, Describe(clientId, "Lost update")).AsTask());

        Assert.Equal("Renamed", (await Load(await firstManager.GetIdAsync(fresh))).DisplayName);
    }

    [Fact]
    public async Task Deleting_an_application_deletes_its_authorizations_and_tokens()
    {
        var clientId = await Create();
        await using var scope = marten.Scope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var application = (await applications.FindByClientIdAsync(clientId))!;
        var applicationId = (await applications.GetIdAsync(application))!;
        var authorization = await authorizations.CreateAsync(new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = applicationId, Subject = "s-1", Status = Statuses.Valid, Type = AuthorizationTypes.Permanent
        });
        await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            ApplicationId = applicationId, AuthorizationId = await authorizations.GetIdAsync(authorization),
            Subject = "s-1", Status = Statuses.Valid, Type = TokenTypeHints.RefreshToken
        });

        await applications.DeleteAsync(application);

        Assert.Null(await applications.FindByClientIdAsync(clientId));
        Assert.Empty(await authorizations.FindByApplicationIdAsync(applicationId).ToListAsync());
        Assert.Empty(await tokens.FindByApplicationIdAsync(applicationId).ToListAsync());
    }

    private async Task<string> Create()
    {
        var clientId = "client-" + Guid.NewGuid().ToString("N")[..12];
        await using var scope = marten.Scope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(Describe(clientId, "Test client"));
        return clientId;
    }

    private static OpenIddictApplicationDescriptor Describe(string clientId, string displayName)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = Secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            ApplicationType = ApplicationTypes.Web,
            DisplayName = displayName,
            RedirectUris = { new Uri(RedirectUri(clientId)) },
            PostLogoutRedirectUris = { new Uri($"https://{clientId}.example/signed-out") },
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "portal" },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            Settings = { [Settings.TokenLifetimes.AccessToken] = "00:05:00" },
            JsonWebKeySet = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(
                """{"keys":[{"kty":"RSA","kid":"key-1","use":"sig","e":"AQAB","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw"}]}"""),
            Properties = { ["organisation_count"] = JsonSerializer.SerializeToElement(42) }
        };
        return descriptor;
    }

    private static string RedirectUri(string clientId) => $"https://{clientId}.example/callback";

    private async Task<OidcApplication> Load(string? id)
    {
        await using var session = marten.Store.QuerySession();
        return (await session.LoadAsync<OidcApplication>(Guid.Parse(id!)))!;
    }
}
