using Portal.AppHost.Hosting;

namespace Portal.AppHost;

// ./portal run starts this; `AppHost infra --env-file F` starts only PostgreSQL and RabbitMQ (./portal test).
// The system itself is declared in PortalSystem.Declare, which end-to-end tests start too.
// (An explicit class: a top-level Program would be public and clash with the services' Program in tests.)
public static class AppHostProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = PortalApp.CreateBuilder(args);
        PortalSystem.Declare(builder);
        return await builder.Build().RunAsync();
    }
}
