var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInstitutionServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapInstitutionEndpoints();
app.Run();

public partial class Program;
