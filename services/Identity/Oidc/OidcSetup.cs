using Microsoft.AspNetCore.DataProtection;
using Portal.Identity.Oidc.Persistence;
using Portal.Identity.Oidc.Clients;
using Portal.Identity.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc;

/// <summary>
/// Identity as an OAuth 2.0 / OpenID Connect provider (OpenIddict on Marten). The endpoints that decide who gets a
/// token are ours (passthrough); OpenIddict checks the protocol: PKCE, client secrets, redirect URIs, code and
/// refresh token redemption (refresh tokens roll: each is used once, and reusing one revokes its whole chain).
/// </summary>
public static class OidcSetup
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string RevokePath = "/connect/revoke";
    public const string LogoutPath = "/connect/logout";
    public const string UserInfoPath = "/connect/userinfo";

    public static IHostApplicationBuilder AddOidcServer(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var allowHttp = builder.Environment.IsDevelopment() || configuration.GetValue("Portal:Identity:AllowHttp", false);

        builder.Services.AddDataProtection().SetApplicationName("portal-identity").PersistKeysToMarten();
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "portal_antiforgery");
        builder.Services.AddAuthentication().AddSignInCookies();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseMartenStores())
            .AddServer(server =>
            {
                if (configuration["Portal:Identity:Issuer"] is { Length: > 0 } issuer)
                    server.SetIssuer(new Uri(issuer));
                server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetRevocationEndpointUris(RevokePath.TrimStart('/'))
                    .SetEndSessionEndpointUris(LogoutPath.TrimStart('/'))
                    .SetUserInfoEndpointUris(UserInfoPath.TrimStart('/'))
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .AllowTokenExchangeFlow();

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess,
                    PortalScopes.Portal, PortalScopes.BillingRead, PortalScopes.RosterSync);

                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(15))
                    .SetIdentityTokenLifetime(TimeSpan.FromMinutes(15))
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(14))
                    // Rotation without grace: a refresh token works once, and a second use revokes the chain.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);

                // Services validate access tokens as plain signed JWTs with their own JWT bearer handler.
                server.DisableAccessTokenEncryption();
                server.AddPersistedSigningKeys();
                // Codes and refresh tokens are read by Identity alone: Data Protection (keys kept in PostgreSQL) seals
                // them, so any replica can redeem them and they survive restarts. Access tokens stay signed JWTs.
                server.UseDataProtection().PreferDefaultAccessTokenFormat();
                server.AddEphemeralEncryptionKey(); // required by the options check; nothing is encrypted with it

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (allowHttp)
                    aspNetCore.DisableTransportSecurityRequirement();
            });

        // OpenIddict logs every request's parameters at Information (login_hint can be an email): warnings only.
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
        builder.Services.AddHostedService<FirstPartyClients>();
        return builder;
    }
}
