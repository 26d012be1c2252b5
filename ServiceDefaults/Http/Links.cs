using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.ServiceDefaults.Http;

public static class Links
{
    /// <summary>
    /// Behind the gateway a service is reached under a prefix (e.g. /institution) that the gateway strips and
    /// sends as X-Forwarded-Prefix; honouring it as the path base lets the service hand out links that work.
    /// The forwarded host too, so redirects (the login page) point at the gateway, not at the service behind it.
    /// Only proxies on loopback are trusted unless ForwardedHeaders options say otherwise.
    /// </summary>
    public static void UseGatewayForwarding(this IApplicationBuilder app) =>
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                               | ForwardedHeaders.XForwardedPrefix,
        });

    /// <summary>A path within this service as the caller reaches it (with the gateway's prefix).</summary>
    public static string LinkTo(this HttpContext http, string path) => http.Request.PathBase.Add(path).ToString();
}
