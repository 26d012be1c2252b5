using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.ServiceDefaults.Security;

namespace Portal.Gateway.RateLimiting;

/// <summary>
/// One fixed-window limiter per client: the token's subject (or client id) when the caller is authenticated,
/// else the remote address (which trusted proxies may have set). Health probes are never limited.
/// </summary>
public static class ClientRateLimiting
{
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ClientRateLimitOptions>()
            .BindConfiguration("Gateway:RateLimit")
            .Validate(o => o.PermitsPerWindow > 0 && o.WindowSeconds > 0, "Gateway:RateLimit:PermitsPerWindow and WindowSeconds must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientRateLimitOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PartitionFor(context, limits.Value));
            options.OnRejected = (rejected, _) => RejectAsync(rejected, limits.Value);
        });
        return services;
    }

    private static RateLimitPartition<string> PartitionFor(HttpContext context, ClientRateLimitOptions limits)
    {
        if (IsHealthProbe(context.Request.Path))
            return RateLimitPartition.GetNoLimiter("health");

        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitsPerWindow,
            Window = limits.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>Prefixed so a subject can never collide with an address.</summary>
    private static string ClientKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (user.FindFirst(PortalClaims.Subject)?.Value is { Length: > 0 } subject) return $"sub:{subject}";
            if (user.FindFirst("client_id")?.Value is { Length: > 0 } client) return $"client:{client}";
        }
        return $"ip:{context.Connection.RemoteIpAddress}";
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, ClientRateLimitOptions limits)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"This client has made its {limits.PermitsPerWindow} requests allowed per {limits.WindowSeconds} seconds. Retry after {seconds} seconds.")
            .ExecuteAsync(context);
    }
}
