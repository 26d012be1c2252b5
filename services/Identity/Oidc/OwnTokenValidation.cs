using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using Portal.Identity.Oidc.Persistence.SigningKeys;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Oidc;

public static class OwnTokenValidation
{
    /// <summary>
    /// Identity's own API (/staff, /clients …) validates the access tokens Identity issues against the server's keys
    /// in memory, for its own audience only; no HTTP call to itself. Tests that mint tokens with the test issuer set
    /// Portal:Auth:Authority instead, and get the JWT bearer validation every other service uses.
    /// </summary>
    public static IHostApplicationBuilder AddOwnTokenValidation(this IHostApplicationBuilder builder, string audience)
    {
        builder.Services.AddOpenIddict().AddValidation(validation =>
        {
            validation.UseLocalServer();
            validation.AddAudiences(audience);
            validation.UseAspNetCore();
        });
        // The local server hands its keys over once, at start; after a rotation the ring is the one that knows them all.
        builder.Services.AddOptions<OpenIddictValidationOptions>().PostConfigure<SigningKeyRing>((options, ring) =>
        {
            options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => ring.PublishedKeys;
            // The same rules as every other service (ServiceDefaults' AuthenticationSetup).
            options.TokenValidationParameters.ValidAlgorithms = AuthenticationSetup.AllowedAlgorithms;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
