using JasperFx.Events.Projections;
using Marten;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Oidc.Clients;
using Portal.Identity.Oidc.Persistence;
using Portal.Identity.Oidc.Persistence.SigningKeys;
using Portal.Identity.Operators;
using Portal.Identity.SignIn;

namespace Portal.Identity.Oidc;

/// <summary>Wiring for signing in and tokens: the login pages, the OIDC endpoints, operators and machine clients.</summary>
public static class OidcFeatures
{
    public static IHostApplicationBuilder AddSignInAndTokens(this IHostApplicationBuilder builder)
    {
        builder.AddOidcServer();
        SealedSecretConverter.Use(KeyEncryptionKey.FromConfiguration(builder.Configuration, builder.Environment));
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CredentialsStore>();
        services.AddSingleton<AddressThrottle>();
        services.AddSingleton<TwoFactorRequirement>();
        services.AddScoped<ClientCredentialsGrant>();
        services.AddScoped<SchoolTokenExchange>();
        services.AddSingleton<IAssociatedSchools, AssociatedSchools>();
        services.AddSingleton<IAccountSource, OperatorAccountSource>();
        services.AddHostedService<OperatorBootstrap>();
        return builder;
    }

    public static void ConfigureSignInDocuments(this StoreOptions options)
    {
        options.ConfigureOidcDocuments();
        options.Projections.Snapshot<OperatorAccountState>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<TwoFactorPolicyState>(SnapshotLifecycle.Inline);
    }

    public static void MapSignInAndTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLoginEndpoints();
        app.MapTwoFactorEndpoints();
        app.MapAuthorizeEndpoint();
        app.MapTokenEndpoint();
        app.MapSessionEndpoints();
        app.MapClientEndpoints();
        app.MapTwoFactorPolicyEndpoints();
        app.MapSigningKeyEndpoints();
    }
}
