using Portal.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();
app.UseGatewayForwarding();
app.UseServiceDefaults();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapIdentityEndpoints();
app.Run();

public partial class Program;
