using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.ServiceDefaults.Health;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;
using Portal.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>The wiring every Portal process shares (the Aspire ServiceDefaults shape).</summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigurePortalTelemetry();
        // Marten logs every schema statement and daemon step at Information; keep that for when it is asked for.
        builder.Logging.AddFilter("Marten", LogLevel.Warning);
        // Its request lines print query strings, where one-time links carry their token; RequestLog logs requests without them.
        builder.Logging.AddFilter(RequestLog.HostingCategory, LogLevel.Warning);
        builder.Services.AddHealthChecks().AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddPortalProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>
    /// Each request logged (without its query string), problem details for every error, then authentication and
    /// authorisation, in that order so 401/403 are problems too. <paramref name="beforeAuthorization"/> runs between the
    /// two: it knows who the caller is, and sees requests authorisation would refuse (the gateway counts them against
    /// its rate limit).
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? beforeAuthorization = null)
    {
        app.UseRequestLog();
        app.UsePortalProblemDetails();
        app.UseAuthentication();
        beforeAuthorization?.Invoke(app);
        app.UseAuthorization();
        app.UseOperatorActRecording();
        return app;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapPortalHealth();
        return app;
    }
}
