using Portal.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRosterServices();

var app = builder.Build();
app.UseGatewayForwarding();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapRosterEndpoints();
app.Run();

public partial class Program;
