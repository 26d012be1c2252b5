using Portal.Gateway.Cors;
using Portal.Gateway.Forwarding;
using Portal.Gateway.Limits;
using Portal.Gateway.RateLimiting;
using Portal.Gateway.Routing;
using Portal.ServiceDefaults.Security;

namespace Portal.Gateway;

public static class GatewayExtensions
{
    /// <summary>DESIGN §7: the gateway listens here in local development unless told otherwise.</summary>
    private const string DefaultUrl = "http://localhost:8080";

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        // The gateway checks tokens for every service it fronts; each service checks its own audience again.
        builder.AddPortalAuthentication(PortalServices.Audiences);
        builder.Services.AddTrustedProxies();
        builder.Services.AddGatewayCors();
        builder.Services.AddServiceRouting();
        builder.Services.AddClientRateLimiting();
        builder.Services.AddRequestBodyLimit();

        if (!HasListenAddress(builder.Configuration))
            builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    /// <summary>Before anything answers: believe trusted proxies about the client, and let CORS answer preflights and decorate errors.</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCors();
        return app;
    }

    /// <summary>
    /// After authentication, so a caller with a token is limited as themselves rather than by address; before
    /// authorisation, so requests it refuses (no token, a bad one) count against their address's limit too.
    /// </summary>
    public static WebApplication UseGatewayRateLimit(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication UseGatewayLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

    private static bool HasListenAddress(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
