// The AccessCode service's domain is being built (issue 5): codes, their format and the student's access-code decider.
// Endpoints, persistence and messaging follow; until then the host only answers its health checks.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
