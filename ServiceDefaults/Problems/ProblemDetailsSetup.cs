using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.ServiceDefaults.Problems;

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddPortalProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            // Routing refuses a body its endpoint does not accept with a bare 415; say which type was refused.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null)
                context.ProblemDetails.Detail = UnsupportedMediaType(context.HttpContext.Request.ContentType);
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString()
                                                          ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        return services;
    }

    public static string UnsupportedMediaType(string? contentType) =>
        $"This operation does not accept a body of type '{(string.IsNullOrWhiteSpace(contentType) ? "(none)" : contentType)}'; "
        + "the request body of the operation in the service's OpenAPI document lists the types it accepts.";

    /// <summary>Errors from handlers and bare status codes (401, 403, 404, 405…) both answer RFC 9457 problem details.</summary>
    public static void UsePortalProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }
}
