namespace Portal.Gateway.Routing;

/// <summary>
/// The services this gateway instance routes: those with an address under Aspire's contract
/// (<c>services:&lt;name&gt;:http:0</c>) or named in <c>Gateway:Services</c> (resolved by DNS, e.g. in Kubernetes).
/// </summary>
public sealed class RoutedServices(IConfiguration configuration)
{
    public IReadOnlyList<PortalService> All { get; } = Select(configuration);

    private static PortalService[] Select(IConfiguration configuration)
    {
        var listed = configuration.GetSection("Gateway:Services").Get<string[]>() ?? [];
        return
        [
            .. PortalServices.All.Where(service =>
                !string.IsNullOrWhiteSpace(configuration[$"services:{service.Name}:http:0"])
                || listed.Contains(service.Name, StringComparer.OrdinalIgnoreCase)),
        ];
    }
}
