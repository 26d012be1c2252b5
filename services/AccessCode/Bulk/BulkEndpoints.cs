using Marten;
using Microsoft.Extensions.Options;
using Portal.AccessCode.Access;
using Portal.AccessCode.Bulk.Enabling;
using Portal.AccessCode.Bulk.Exporting;
using Portal.AccessCode.Bulk.Getting;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Students;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Bulk;

/// <summary>Enabling parent/guardian login for many students at once, and the job's summary and code export.</summary>
public static class BulkEndpoints
{
    public static void MapBulkEndpoints(this IEndpointRouteBuilder app)
    {
        var bulk = app.MapGroup("/bulk").WithTags("Bulk access codes").RequirePermission(PermissionMatrix.EnableGuardianLogin);

        bulk.MapPost("/", async (BulkEnableRequest body, IDocumentSession session, AccessCodeSecrets secrets, TimeProvider clock,
            HttpContext http) =>
        {
            var selection = BulkSelection.From(body);
            await KnownSchoolAsync(session, http, selection.SchoolId);
            var students = await selection.StudentsAsync(session, http.RequestAborted);
            if (students.Count == 0) throw new RuleViolation(selection.NothingSelected());

            var job = await BulkEnabling.RunAsync(session, secrets, selection, students, CodeAccess.ActorId(http), clock.GetUtcNow(),
                http.RequestAborted);
            var view = BulkJobView.Of(job, http);
            return Results.Created(view.Links.Self, view);
        }).WithName("BulkEnableAccessCodes")
            .WithSummary("Issue access codes to a school's students (all, year groups and/or a class) in one request: mode " +
                         "MissingOnly (default) issues codes only to students without one; ResetAll also replaces every existing code.");

        bulk.MapGet("/{job:guid}", async (Guid job, IQuerySession session, HttpContext http) =>
            Results.Ok(BulkJobView.Of(await ReachableJobAsync(session, http, job), http)))
            .WithName("GetBulkAccessCodeJob")
            .WithSummary("A bulk request: its selection, the students it covered in letter order, and what it did.");

        bulk.MapGet("/{job:guid}/codes.csv", async (Guid job, IQuerySession session, AccessCodeSecrets secrets,
            IOptions<AccessCodeOptions> options, HttpContext http) =>
        {
            var found = await ReachableJobAsync(session, http, job);
            var school = await KnownSchoolAsync(session, http, found.SchoolId);
            var rows = await BulkCodesExport.RowsAsync(session, secrets, found, school, options.Value.SignUpUrlFor(http), http.RequestAborted);
            return Results.File(AccessCodesCsv.Write(rows), AccessCodesCsv.ContentType, AccessCodesCsv.FileNameFor(school.Code));
        }).WithName("ExportBulkAccessCodes")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The job's students with their current access codes and where to sign up, as a spreadsheet-safe CSV.");
    }

    /// <summary>The job of the caller's organisation, when the granted scope reaches its school; otherwise 404.</summary>
    public static async Task<BulkCodeJob> ReachableJobAsync(IQuerySession session, HttpContext http, Guid id)
    {
        var job = await session.LoadAsync<BulkCodeJob>(id, http.RequestAborted) ?? throw new NotFound(JobNotFound(id));
        try
        {
            CodeAccess.EnsureSchoolReachable(http, job.SchoolId);
        }
        catch (NotFound)
        {
            throw new NotFound(JobNotFound(id));
        }
        return job;
    }

    public static string JobNotFound(Guid job) => $"Bulk access-code job {job} was not found.";

    private static async Task<KnownSchool> KnownSchoolAsync(IQuerySession session, HttpContext http, Guid school)
    {
        CodeAccess.EnsureSchoolReachable(http, school);
        return await session.LoadAsync<KnownSchool>(school, http.RequestAborted) ?? throw new NotFound(CodeAccess.SchoolNotFound(school));
    }
}
