using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.ServiceDefaults.Security;

public static class AuthenticationSetup
{
    /// <summary>Signing algorithms we accept; anything else (including "none") is refused.</summary>
    public static readonly string[] AllowedAlgorithms = ["RS256", "PS256", "ES256"];

    /// <summary>
    /// JWT bearer validation of tokens from Identity (Portal:Auth:Authority, or Identity's discovered
    /// address under Aspire's contract), for this service's own audience (the gateway accepts every service's). Every endpoint needs a
    /// token unless it says otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder, params string[] audiences)
    {
        var authority = builder.Configuration["Portal:Auth:Authority"]
            ?? builder.Configuration["services:identity:http:0"]
            ?? throw new InvalidOperationException("Neither Portal:Auth:Authority nor services:identity:http:0 is configured.");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = authority;
            options.MetadataAddress = MetadataAddress(builder.Configuration);
            options.TokenValidationParameters.ValidAudiences = audiences;
            options.MapInboundClaims = false;
            // Plain HTTP only to an issuer on this machine (local development and tests).
            options.RequireHttpsMetadata = !IsLoopback(authority);
            options.TokenValidationParameters.ValidAlgorithms = AllowedAlgorithms;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            options.TokenValidationParameters.NameClaimType = PortalClaims.Subject;
            options.TokenValidationParameters.RoleClaimType = PortalClaims.StaffType;
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>
    /// Tokens name the public issuer (the gateway's address); with Portal:Auth:DiscoverFromIdentity a service reads
    /// Identity's discovery document from Identity's own address (services:identity:http:0) instead, so validation
    /// does not depend on the way in from outside.
    /// </summary>
    private static string MetadataAddress(IConfiguration configuration)
    {
        if (configuration["Portal:Auth:MetadataAddress"] is { Length: > 0 } configured)
            return configured;
        if (configuration.GetValue("Portal:Auth:DiscoverFromIdentity", false)
            && configuration["services:identity:http:0"] is { Length: > 0 } identity)
            return identity.TrimEnd('/') + "/.well-known/openid-configuration";
        return "";
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
