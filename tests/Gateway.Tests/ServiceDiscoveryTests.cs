extern alias gateway;

using gateway::Portal.Gateway.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;

namespace Portal.Gateway.Tests;

public sealed class ServiceDiscoveryTests
{
    [Fact]
    public async Task Each_discovered_endpoint_of_a_service_becomes_a_destination()
    {
        await using var services = ServicesWith(new()
        {
            ["services:institution:http:0"] = "http://10.1.0.5:8080",
            ["services:institution:http:1"] = "http://10.1.0.6:8080",
        });
        var resolver = new ServiceDiscoveryDestinationResolver(services.GetRequiredService<ServiceEndpointResolver>());

        var resolved = await resolver.ResolveDestinationsAsync(
            new Dictionary<string, DestinationConfig> { ["institution"] = new() { Address = "http://institution" } },
            CancellationToken.None);

        Assert.Equal(
            ["http://10.1.0.5:8080/", "http://10.1.0.6:8080/"],
            resolved.Destinations.Values.Select(d => d.Address).Order());
        Assert.NotNull(resolved.ChangeToken);
    }

    [Fact]
    public void Services_with_an_address_or_listed_by_name_are_routed_and_no_others()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:institution:http:0"] = "http://127.0.0.1:5001",
            ["Gateway:Services:0"] = "billing",
        }).Build();

        var routed = new RoutedServices(configuration).All;

        Assert.Equal(["institution", "billing"], routed.Select(s => s.Name));
    }

    private static ServiceProvider ServicesWith(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddServiceDiscovery()
            .BuildServiceProvider();
}
