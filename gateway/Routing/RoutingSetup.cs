using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Portal.Gateway.Routing;

public static class RoutingSetup
{
    public static IServiceCollection AddServiceRouting(this IServiceCollection services)
    {
        services.AddServiceDiscovery();
        services.AddSingleton<RoutedServices>();
        services.AddSingleton<IProxyConfigProvider, ServiceRoutes>();
        services.AddReverseProxy();
        services.Replace(ServiceDescriptor.Singleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>());
        return services;
    }

    /// <summary>Anything no route claims answers 404 problem details, also without a token (lowest priority, so routes always win).</summary>
    public static IEndpointConventionBuilder MapUnknownPathsToNotFound(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map("/{**path}", () => Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: "No service is routed at this path. GET /docs lists the services behind this gateway."))
            .WithOrder(int.MaxValue)
            .AllowAnonymous()
            .ExcludeFromDescription();
}
