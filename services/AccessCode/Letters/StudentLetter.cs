using Marten;
using Microsoft.Extensions.Options;
using Portal.AccessCode.Access;
using Portal.AccessCode.Codes;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Letters;

public static class StudentLetter
{
    public static void MapStudentLetter(this IEndpointRouteBuilder app) =>
        app.MapGet("/students/{student:guid}/instructions.pdf", async (Guid student, IQuerySession session, HttpContext http,
            AccessCodeSecrets secrets, IOptions<AccessCodeOptions> options, TimeProvider clock) =>
        {
            var cancellation = http.RequestAborted;
            var known = await CodeAccess.ReachableStudent(session, http, student);
            var codes = await session.LoadAsync<AccessCodeState>(student, cancellation);
            if (codes?.Code is null)
                throw new RuleViolation($"Student {student} has no access code yet. Enable parent/guardian login first.");
            if (known.Gone || codes.StudentLeft)
                throw new RuleViolation($"Student {student} has left the school; their access code no longer links anyone.");

            var school = await LetterSources.SchoolName(session, known.SchoolId, cancellation);
            var letter = LetterSources.LetterOf(known, codes, school, options.Value.SignUpUrlFor(http), secrets)!;
            var pdf = LoginLetters.ToBytes([letter], LetterSources.Today(clock));
            return Results.File(pdf, LoginLetters.ContentType, LetterFileName.ForStudent(known.FamilyName, known.GivenName));
        }).RequirePermission(PermissionMatrix.ViewGuardianAccess).WithTags(LetterEndpoints.Tag)
            .WithName("GetStudentLoginInstructionsPdf")
            .WithSummary("The student's parent/guardian login letter (A4 PDF) with their current access code.")
            .Produces(StatusCodes.Status200OK, contentType: LoginLetters.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
