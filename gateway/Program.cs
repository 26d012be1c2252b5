using Portal.Gateway;
using Portal.Gateway.Docs;
using Portal.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseGatewayEdge();
app.UseServiceDefaults(beforeAuthorization: gateway => gateway.UseGatewayRateLimit());
app.UseGatewayLimits();

app.MapDefaultEndpoints();
app.MapReverseProxy();
app.MapGatewayDocs();
app.MapUnknownPathsToNotFound();

app.Run();

public partial class Program;
