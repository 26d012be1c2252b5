using Portal.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAccessCodeServices();

var app = builder.Build();
app.UseGatewayForwarding();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapAccessCodeEndpoints();
app.Run();

public partial class Program;
