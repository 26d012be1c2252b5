using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

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
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
