using Portal.ServiceDefaults.Http;

// The OIDC provider comes later; until then Identity validates tokens like every other service
// and the AppHost runs the development issuer under the name "identity".
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();
app.UseGatewayForwarding();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapIdentityEndpoints();
app.Run();

public partial class Program;
