using Portal.Gateway.Routing;

namespace Portal.Gateway.Docs;

/// <summary>What a client developer needs first: which services sit behind this host and where their OpenAPI documents are.</summary>
public sealed record ServiceDocumentation(string Name, string Prefix, string OpenApi);

public static class DocsEndpoints
{
    public static IEndpointRouteBuilder MapGatewayDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/docs", (HttpRequest request, RoutedServices services) =>
                Results.Content(DocsPage.Render(Describe(request, services)), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        endpoints.MapGet("/docs/services", (HttpRequest request, RoutedServices services) => Describe(request, services))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Links carry the gateway's own path base so they work behind a load balancer that mounts it under a prefix.</summary>
    private static ServiceDocumentation[] Describe(HttpRequest request, RoutedServices services) =>
    [
        .. services.All.Select(s => new ServiceDocumentation(s.Name, s.Prefix, $"{request.PathBase}{s.OpenApiPath}")),
    ];
}
