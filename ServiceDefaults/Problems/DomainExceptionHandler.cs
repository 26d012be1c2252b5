using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Portal.ServiceDefaults.Problems;

/// <summary>Maps the domain's refusals and the store's concurrency failures to precise problem details.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        exception = DomainErrorWithin(exception);
        ProblemDetails? problem = exception switch
        {
            ValidationFailed v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request is invalid.", Detail = v.Message,
            },
            RuleViolation r => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "The request conflicts with the current state.", Detail = r.Message,
            },
            Forbidden f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = f.Message },
            NotFound n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = n.Message },
            TooManyAttempts t => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests, Title = "Too many attempts.", Detail = t.Message,
                Extensions = { ["retryAfter"] = t.RetryAfter.ToUniversalTime() },
            },
            PreconditionFailed p => new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed, Title = "The resource has changed.", Detail = p.Message,
            },
            ConcurrencyException or EventStreamUnexpectedMaxEventIdException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "The resource was changed by someone else.",
                Detail = "Another change to this resource was saved first. Read it again and retry.",
            },
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode, Title = "The request could not be read.", Detail = Describe(b),
            },
            _ => null,
        };
        if (problem is null) return false;

        context.Response.StatusCode = problem.Status!.Value;
        if (exception is TooManyAttempts tooMany)
            context.Response.Headers.RetryAfter =
                Math.Max(1, (long)Math.Ceiling((tooMany.RetryAfter - DateTimeOffset.UtcNow).TotalSeconds)).ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A refusal raised inside an inline projection reaches us wrapped by the store; the refusal is what the caller needs.
    /// </summary>
    private static Exception DomainErrorWithin(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is ValidationFailed or RuleViolation or Forbidden or NotFound or TooManyAttempts)
                return e;
        return exception;
    }

    // The JSON reader's message names the path and position of the fault, which is what the caller needs.
    private static string Describe(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json ? $"{e.Message} {json.Message}" : e.Message;
}

/// <summary>The caller's If-Match does not name the current version (answers 412).</summary>
public class PreconditionFailed(string message) : Exception(message);
