// Identity is being built (issue 3): its domain lands first; the OIDC provider and endpoints follow.
// Until then the AppHost runs the development issuer under the name "identity".
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
