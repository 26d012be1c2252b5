namespace Portal.AppHost.Hosting;

/// <summary>Entry point in Aspire's shape: PortalApp.CreateBuilder(args) … builder.Build().RunAsync().</summary>
public static class PortalApp
{
    public static PortalAppBuilder CreateBuilder(string[] args) => new(CommandLine.Parse(args));

    public static PortalAppBuilder CreateBuilder(PortalAppOptions options) => new(options);
}
