using Portal.AppHost.Hosting;

namespace Portal.AppHost;

// ./portal run starts this; `AppHost infra --env-file F` starts only PostgreSQL and RabbitMQ (./portal test);
// `AppHost token --email E` signs in through the gateway and prints an access token (./portal token).
// The system itself is declared in PortalSystem.Declare, which end-to-end tests start too.
// (An explicit class: a top-level Program would be public and clash with the services' Program in tests.)
public static class AppHostProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["token", .. var rest])
            return await Clients.TokenCommand.RunAsync(rest);
        var builder = PortalApp.CreateBuilder(args);
        PortalSystem.Declare(builder);
        return await builder.Build().RunAsync();
    }
}
