using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Portal.Gateway.Routing;

/// <summary>
/// Turns a destination such as <c>http://institution</c> into the concrete addresses service discovery knows
/// (configuration under Aspire's contract, else DNS), one YARP destination per endpoint. YARP resolves again
/// when discovery signals a change.
/// </summary>
public sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = await Task.WhenAll(destinations.Select(d => ResolveAsync(d.Key, d.Value, cancellationToken)));
        return new ResolvedDestinationCollection(
            resolved.SelectMany(r => r.Destinations).ToDictionary(d => d.Name, d => d.Config),
            new CompositeChangeToken([.. resolved.Select(r => r.ChangeToken)]));
    }

    private async Task<(List<(string Name, DestinationConfig Config)> Destinations, IChangeToken ChangeToken)> ResolveAsync(
        string name, DestinationConfig destination, CancellationToken cancellationToken)
    {
        var logical = new Uri(destination.Address);
        var endpoints = await resolver.GetEndpointsAsync(logical.GetLeftPart(UriPartial.Authority), cancellationToken);

        var concrete = new List<(string, DestinationConfig)>(endpoints.Endpoints.Count);
        foreach (var endpoint in endpoints.Endpoints)
        {
            var address = endpoint.ToString()!;
            var found = new Uri(address.Contains("://", StringComparison.Ordinal) ? address : $"{logical.Scheme}://{address}");
            var target = new UriBuilder(logical) { Scheme = found.Scheme, Host = found.Host, Port = found.Port };
            concrete.Add(($"{name}[{address}]", destination with { Address = target.Uri.ToString() }));
        }
        return (concrete, endpoints.ChangeToken);
    }
}
