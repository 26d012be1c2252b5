using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Portal.Gateway.Limits;

public sealed class RequestBodyLimitOptions
{
    /// <summary><c>Gateway:MaxRequestBodyBytes</c>: the largest request body forwarded (OneRoster imports are the big ones).</summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Refuses a declared oversized body at once with 413 problem details, and caps undeclared (chunked) bodies
/// on the server so the proxy fails them with 413 too.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestBodyLimitOptions> options)
{
    private readonly long limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > limit)
        {
            await Results.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request body too large",
                    detail: $"The request body is {context.Request.ContentLength} bytes; this gateway accepts at most {limit} bytes.")
                .ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = limit;

        await next(context);
    }
}

public static class RequestBodyLimit
{
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services)
    {
        services.AddOptions<RequestBodyLimitOptions>()
            .BindConfiguration("Gateway")
            .Validate(o => o.MaxRequestBodyBytes > 0, "Gateway:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();
        return services;
    }
}
