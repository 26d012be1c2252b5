using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Portal.Gateway.Routing;

/// <summary>One YARP route (plus an anonymous one for the OpenAPI document) and one cluster per routed service, built in code.</summary>
public sealed class ServiceRoutes(RoutedServices services) : IProxyConfigProvider
{
    private readonly Lazy<IProxyConfig> config = new(() => new StaticProxyConfig(
        [.. services.All.SelectMany(RoutesFor)],
        [.. services.All.Select(ClusterFor)]));

    public IProxyConfig GetConfig() => config.Value;

    private static IEnumerable<RouteConfig> RoutesFor(PortalService service)
    {
        yield return new RouteConfig
        {
            RouteId = service.Name,
            ClusterId = service.Name,
            Match = new RouteMatch { Path = $"{service.Prefix}/{{**remainder}}" },
            AuthorizationPolicy = service.RequiresAuthentication ? "default" : "anonymous",
            Transforms = TransformsFor(service),
        };
        foreach (var (path, index) in service.AnonymousReads.Select((path, index) => (path, index)))
            yield return new RouteConfig
            {
                RouteId = $"{service.Name}-public-{index}",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = service.Prefix + path, Methods = ["GET", "HEAD"] },
                AuthorizationPolicy = "anonymous",
                Transforms = TransformsFor(service),
            };
        // The API description is public so /docs can link to it without a token.
        yield return new RouteConfig
        {
            RouteId = $"{service.Name}-openapi",
            ClusterId = service.Name,
            Match = new RouteMatch { Path = $"{service.Prefix}/openapi/{{document}}", Methods = ["GET", "HEAD"] },
            AuthorizationPolicy = "anonymous",
            Transforms = TransformsFor(service),
        };
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> TransformsFor(PortalService service) =>
    [
        new Dictionary<string, string> { ["PathRemovePrefix"] = service.Prefix },
        // The service builds links (and Identity its issuer URLs) from the prefix it was reached under.
        new Dictionary<string, string> { ["RequestHeader"] = "X-Forwarded-Prefix", ["Set"] = service.Prefix },
        // Set, not Append: what a client claims in X-Forwarded-* is dropped; trusted proxies were already honoured on the way in.
        new Dictionary<string, string> { ["X-Forwarded"] = "Set", ["Prefix"] = "Off" },
    ];

    private static ClusterConfig ClusterFor(PortalService service) => new()
    {
        ClusterId = service.Name,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service.Name] = new() { Address = $"http://{service.Name}" },
        },
    };

    private sealed class StaticProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        public IReadOnlyList<RouteConfig> Routes { get; } = routes;
        public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;
        public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);
    }
}
