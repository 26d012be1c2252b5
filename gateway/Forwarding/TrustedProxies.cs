using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Portal.Gateway.Forwarding;

/// <summary>Load balancers in front of the gateway whose X-Forwarded-For/Proto/Host the gateway believes.</summary>
public sealed class TrustedProxyOptions
{
    /// <summary><c>Gateway:KnownProxies</c>: IP addresses, e.g. <c>10.0.0.4</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary><c>Gateway:KnownNetworks</c>: CIDR ranges, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration("Gateway");
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Walk back through every trusted hop to the first address we do not trust: that is the client.
            forwarded.ForwardLimit = null;
            foreach (var proxy in trusted.Value.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in trusted.Value.KnownNetworks)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
