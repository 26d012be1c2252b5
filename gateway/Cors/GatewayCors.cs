using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Portal.Gateway.Cors;

public sealed class GatewayCorsOptions
{
    /// <summary><c>Gateway:Cors:AllowedOrigins</c>: web client origins such as <c>https://app.example.org</c>. None by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

public static class GatewayCors
{
    /// <summary>Headers a browser script may read from responses beyond the CORS-safelisted ones.</summary>
    private static readonly string[] ExposedHeaders = ["ETag", "Location", "Retry-After"];

    public static IServiceCollection AddGatewayCors(this IServiceCollection services)
    {
        services.AddOptions<GatewayCorsOptions>().BindConfiguration("Gateway:Cors");
        services.AddCors();
        // Always a default policy, even with no origins, so preflights are answered (without permission) rather than proxied.
        services.AddOptions<CorsOptions>().Configure<IOptions<GatewayCorsOptions>>((cors, settings) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(settings.Value.AllowedOrigins)
                .AllowAnyMethod()
                .AllowAnyHeader()
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}
