using Portal.AppHost;
using Portal.AppHost.Hosting;

// ./portal run starts this; `AppHost infra --env-file F` starts only PostgreSQL and RabbitMQ (./portal test).
// The system itself is declared in PortalSystem.Declare, which end-to-end tests start too.
var builder = PortalApp.CreateBuilder(args);
PortalSystem.Declare(builder);
return await builder.Build().RunAsync();
