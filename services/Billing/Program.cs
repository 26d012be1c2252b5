using Portal.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBillingServices();

var app = builder.Build();
app.UseGatewayForwarding();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapBillingEndpoints();
app.Run();

public partial class Program;
