using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.ServiceDefaults.Telemetry;

/// <summary>
/// One Information line per request, with its path but never its query string. One-time links carry their token in
/// the query (…/account/setup?token=…), and ASP.NET Core's own request lines (Microsoft.AspNetCore.Hosting.Diagnostics,
/// kept at Warning and above by <see cref="Microsoft.Extensions.Hosting.ServiceDefaultsExtensions"/>) print it whole.
/// </summary>
public static partial class RequestLog
{
    public const string Category = "Portal.Requests";
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Answered(logger, context.Request.Method, context.Request.PathBase + context.Request.Path, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds);
}
