using Marten;
using Microsoft.Extensions.Options;
using Portal.AccessCode.Access;
using Portal.AccessCode.Bulk;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Students;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Letters;

public static class BulkLetters
{
    public static string JobNotFound(Guid job) => $"Bulk code job {job} was not found.";

    public static void MapBulkLetters(this IEndpointRouteBuilder app) =>
        app.MapGet("/bulk/{job:guid}/letters.pdf", async (Guid job, IQuerySession session, HttpContext http,
            AccessCodeSecrets secrets, IOptions<AccessCodeOptions> options, TimeProvider clock) =>
        {
            var cancellation = http.RequestAborted;
            var found = await session.LoadAsync<BulkCodeJob>(job, cancellation) ?? throw new NotFound(JobNotFound(job));
            try
            {
                CodeAccess.EnsureSchoolReachable(http, found.SchoolId);
            }
            catch (NotFound)
            {
                throw new NotFound(JobNotFound(job));
            }

            var school = await LetterSources.SchoolName(session, found.SchoolId, cancellation);
            var letters = await LettersOf(session, found, school, options.Value.SignUpUrlFor(http), secrets, cancellation);
            if (letters.Count == 0)
                throw new RuleViolation($"None of the {found.StudentIds.Count} students of bulk code job {job} has a current access code.");

            // Each page goes to the response as soon as it is drawn: a large job is neither held in memory nor in a file.
            var date = LetterSources.Today(clock);
            return Results.Stream(body => LoginLetters.WriteAsync(letters, date, body, cancellation), LoginLetters.ContentType,
                LetterFileName.ForBulk(school, found.At));
        }).RequirePermission(PermissionMatrix.EnableGuardianLogin).WithTags(LetterEndpoints.Tag)
            .WithName("GetBulkLoginLettersPdf")
            .WithSummary("One A4 login letter per student of a bulk code job, in the job's order, each with the student's current code; " +
                         "students without a current code, who have left or moved school are skipped.")
            .Produces(StatusCodes.Status200OK, contentType: LoginLetters.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    static async Task<List<LoginInstructions>> LettersOf(IQuerySession session, BulkCodeJob job, string school, string signUpUrl,
        AccessCodeSecrets secrets, CancellationToken cancellation)
    {
        var ids = job.StudentIds.Distinct().ToArray();
        // A student who has since moved to another school is out of the reach this job's school granted.
        var students = (await session.LoadManyAsync<KnownStudent>(cancellation, ids))
            .Where(s => s.SchoolId == job.SchoolId).ToDictionary(s => s.Id);
        var codes = (await session.LoadManyAsync<AccessCodeState>(cancellation, ids)).ToDictionary(c => c.Id);
        return ids
            .Select(id => LetterSources.LetterOf(students.GetValueOrDefault(id), codes.GetValueOrDefault(id), school, signUpUrl, secrets))
            .OfType<LoginInstructions>()
            .ToList();
    }
}
