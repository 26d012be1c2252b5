using Portal.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInstitutionServices();

var app = builder.Build();
app.UseGatewayForwarding();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapInstitutionEndpoints();
app.Run();

public partial class Program;
