using Marten;
using Microsoft.Extensions.Options;
using Portal.AccessCode.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Codes;

/// <summary>"Enable parent/guardian login": the student is issued their first access code.</summary>
public static class EnableCode
{
    public static void MapEnablingAccessCodes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/students/{student:guid}/enable", async (Guid student, IDocumentSession session, HttpContext http,
                AccessCodeSecrets secrets, IOptions<AccessCodeOptions> options, TimeProvider clock) =>
            {
                var known = await CodeAccess.ReachableStudent(session, http, student);
                if (known.Gone)
                    throw new RuleViolation($"Student {student} has left the school; no access code is issued for them.");

                // A stream may already exist holding only what Roster noted of the student: issuing appends to it.
                var stream = await session.Events.FetchForWriting<AccessCodeState>(student, http.RequestAborted);
                var (_, code) = secrets.NewCodeFor(student);
                var events = AccessCode.Decide(
                    new IssueAccessCode(student, known.SchoolId, code, CodeAccess.ActorId(http), clock.GetUtcNow()), stream.Aggregate);
                stream.AppendMany(events);
                CodeLookup.RecordCodesOf(session, events);
                await session.SaveChangesAsync(http.RequestAborted);
                StreamWrites.SetETag(http, (stream.StartingVersion ?? 0) + events.Length);

                var view = await StudentAccessViews.Of(session, known, http, secrets, options);
                return TypedResults.Created(StudentAccessViews.ViewLink(student, http), view);
            })
            .RequirePermission(PermissionMatrix.EnableGuardianLogin)
            .WithName("EnableGuardianLogin")
            .WithSummary("Enable parent/guardian login for a student: issue their access code.")
            .WithDescription("Refused (409) for a student who already has a code (reset it instead) or who has left the school.")
            .Produces<StudentAccessView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
