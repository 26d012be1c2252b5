using Marten;
using Marten.Schema;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Portal.Identity.Oidc.Persistence.DataProtection;
using Portal.Identity.Oidc.Persistence.SigningKeys;
using Portal.Identity.Oidc.Persistence.Stores;

namespace Portal.Identity.Oidc.Persistence;

/// <summary>How the OpenID Connect server keeps its state in Marten: entities, signing keys, Data Protection keys.</summary>
public static class OidcPersistenceExtensions
{
    /// <summary>Makes OpenIddict use the Marten documents and stores here (the counterpart of UseEntityFrameworkCore).</summary>
    public static OpenIddictCoreBuilder UseMartenStores(this OpenIddictCoreBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        // The stores keep no state (each call opens its own session), so one instance serves every request.
        return builder
            .SetDefaultApplicationEntity<OidcApplication>()
            .SetDefaultAuthorizationEntity<OidcAuthorization>()
            .SetDefaultScopeEntity<OidcScope>()
            .SetDefaultTokenEntity<OidcToken>()
            .ReplaceApplicationStore<OidcApplication, MartenApplicationStore>(ServiceLifetime.Singleton)
            .ReplaceAuthorizationStore<OidcAuthorization, MartenAuthorizationStore>(ServiceLifetime.Singleton)
            .ReplaceScopeStore<OidcScope, MartenScopeStore>(ServiceLifetime.Singleton)
            .ReplaceTokenStore<OidcToken, MartenTokenStore>(ServiceLifetime.Singleton);
    }

    /// <summary>
    /// Registers the documents as global (single-tenanted, despite AllDocumentsAreMultiTenanted), versioned for
    /// OpenIddict's concurrency checks, and indexed for the lookups the managers make.
    /// </summary>
    public static void ConfigureOidcDocuments(this StoreOptions options)
    {
        options.Schema.For<OidcApplication>().SingleTenanted().UseOptimisticConcurrency(true)
            .UniqueIndex(UniqueIndexType.Computed, "oidc_application_client_id", a => a.ClientId!);
        options.Schema.For<OidcAuthorization>().SingleTenanted().UseOptimisticConcurrency(true)
            .Index(a => a.Subject!).Index(a => a.ApplicationId!);
        options.Schema.For<OidcScope>().SingleTenanted().UseOptimisticConcurrency(true)
            .UniqueIndex(UniqueIndexType.Computed, "oidc_scope_name", s => s.Name!);
        options.Schema.For<OidcToken>().SingleTenanted().UseOptimisticConcurrency(true)
            .UniqueIndex(UniqueIndexType.Computed, "oidc_token_reference_id", t => t.ReferenceId!)
            .Index(t => t.Subject!).Index(t => t.AuthorizationId!).Index(t => t.ApplicationId!);
        options.Schema.For<OidcSigningKey>().SingleTenanted()
            .UniqueIndex(UniqueIndexType.Computed, "oidc_signing_key_generation", k => k.Generation);
        options.Schema.For<DataProtectionKey>().SingleTenanted();
    }

    /// <summary>
    /// Signs with the persisted key ring (created on first start; see <see cref="SigningKeyRing"/>) instead of
    /// development or ephemeral keys. Needs Marten (IDocumentStore) with <see cref="ConfigureOidcDocuments"/>.
    /// </summary>
    public static OpenIddictServerBuilder AddPersistedSigningKeys(this OpenIddictServerBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => KeyEncryptionKey.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));
        services.TryAddSingleton<SigningKeyRing>();
        services.TryAddSingleton<SigningKeysForServer>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(p => p.GetRequiredService<SigningKeysForServer>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(p => p.GetRequiredService<SigningKeysForServer>());
        services.AddHostedService<SigningKeyRefresher>();
        return builder;
    }

    /// <summary>Keeps the Data Protection key ring in Marten, shared by replicas and kept across restarts.</summary>
    public static IDataProtectionBuilder PersistKeysToMarten(this IDataProtectionBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new MartenXmlRepository(
                provider.GetRequiredService<IDocumentStore>(), provider.GetRequiredService<TimeProvider>())));
        return builder;
    }
}
