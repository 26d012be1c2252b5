using Microsoft.AspNetCore.Antiforgery;
using Portal.ServiceDefaults.Problems;
using static Portal.Identity.Pages.HtmlPage;

namespace Portal.Identity.Guardians;

/// <summary>
/// <c>/guardians/register</c>: a server-rendered form for people, and JSON for apps (202, or problem details).
/// The form post checks its antiforgery token itself, because the same endpoint also takes JSON, which needs none
/// (a cross-site form cannot send <c>application/json</c>).
/// </summary>
public static class RegistrationEndpoints
{
    public const string Path = "/guardians/register";
    public const string CheckYourEmail =
        "Check your email: we have sent a message to the address you gave. Open the link in it to verify your address and finish registering.";

    public static void MapRegistrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Guardians").AllowAnonymous();

        group.MapGet("/", (HttpContext http) => RegistrationPage(http, null, null))
            .ExcludeFromDescription();

        group.MapPost("/", async (HttpContext http, GuardianRegistration registration) =>
        {
            if (http.Request.HasJsonContentType())
            {
                var body = await ReadJson(http) ?? throw new ValidationFailed("body", "A registration is required.");
                await registration.RegisterAsync(body, http.RequestAborted);
                return Results.Accepted(value: new { message = CheckYourEmail });
            }
            if (!http.Request.HasFormContentType)
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                    detail: "Send the registration as application/json or as a form (application/x-www-form-urlencoded).");

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var request = new RegisterGuardianRequest(form["email"], form["givenName"], form["familyName"], form["password"]);
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return RegistrationPage(http, request, "The form had expired. Please check your details and send it again.");
            }
            try
            {
                await registration.RegisterAsync(request, http.RequestAborted);
            }
            catch (ValidationFailed e)
            {
                return RegistrationPage(http, request, e.Message);
            }
            return Render("Check your email", Notice(CheckYourEmail));
        })
        .Accepts<RegisterGuardianRequest>("application/json", "application/x-www-form-urlencoded")
        .Produces(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .WithSummary("Register as a guardian. Answers the same whether or not the email already has an account: "
                     + "the address receives either a verification link (valid 24 hours) or a notice of the attempt.");
    }

    /// <summary>The JSON registration; a body that is not one (broken, or of the wrong shape) is the caller's 400, not our 500.</summary>
    static async Task<RegisterGuardianRequest?> ReadJson(HttpContext http)
    {
        try
        {
            return await http.Request.ReadFromJsonAsync<RegisterGuardianRequest>(http.RequestAborted);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadHttpRequestException("The body is not a registration in JSON.", StatusCodes.Status400BadRequest, e);
        }
    }

    /// <summary>The form, keeping what was typed except the password.</summary>
    static IResult RegistrationPage(HttpContext http, RegisterGuardianRequest? typed, string? error) => Render("Register as a guardian",
        Error(error)
        + Notice("Register to see information about your children from their schools. We will send you an email to check your address.")
        + Form(http, http.Request.PathBase + Path,
            Field("email", "Email", "email", typed?.Email, "email", autofocus: true)
            + Field("givenName", "Given name", "text", typed?.GivenName, "given-name")
            + Field("familyName", "Family name", "text", typed?.FamilyName, "family-name")
            + Field("password", "Password (at least 12 characters)", "password", null, "new-password"),
            "Register"),
        error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
