using Marten;
using Microsoft.Extensions.Options;
using Portal.AccessCode.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Codes;

/// <summary>
/// A new code for the student. The old code pairs nobody from now on (its lookup entry stays, so a guardian who tries it
/// is told it was replaced); guardians already paired keep their access.
/// </summary>
public static class ResetCode
{
    public static void MapResettingAccessCodes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/students/{student:guid}/reset", async (Guid student, IDocumentSession session, HttpContext http,
                AccessCodeSecrets secrets, IOptions<AccessCodeOptions> options, TimeProvider clock) =>
            {
                var known = await CodeAccess.ReachableStudent(session, http, student);
                // A student without a stream is known all the same: that is the decider's conflict, not a missing resource.
                if (await session.LoadAsync<AccessCodeState>(student, http.RequestAborted) is not { CodeHash: not null })
                    throw new RuleViolation(NoCodeYet(student));
                var (_, code) = secrets.NewCodeFor(student);
                var command = new ResetAccessCode(student, code, CodeAccess.ActorId(http), clock.GetUtcNow());
                await session.Decide<AccessCodeState>(student, http, state =>
                {
                    var events = AccessCode.Decide(command, state);
                    CodeLookup.RecordCodesOf(session, events);
                    return events;
                }, NoCodeYet(student));
                return TypedResults.Ok(await StudentAccessViews.Of(session, known, http, secrets, options));
            })
            .RequirePermission(PermissionMatrix.EnableGuardianLogin)
            .WithName("ResetAccessCode")
            .WithSummary("Reset a student's access code: a new code replaces the old one; paired guardians keep their access.")
            .WithDescription("Honours If-Match (the ETag of the student's Portal Access view): a stale version answers 412.")
            .Produces<StudentAccessView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static string NoCodeYet(Guid student) =>
        $"Student {student} has no access code yet; enable parent/guardian login first.";
}
