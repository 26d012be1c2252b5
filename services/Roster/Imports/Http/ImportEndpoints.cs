using System.Security.Cryptography;
using Marten;
using Portal.Roster.Access;
using Portal.Roster.Imports.OneRoster;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.Http;

/// <summary>
/// The chart's "Self-roster accounts and groups through bulk import": upload a OneRoster 1.1 CSV zip, follow its dry run,
/// apply it. Each answers at once; the work runs as a job (<see cref="ImportRunner"/>).
/// </summary>
public static class ImportEndpoints
{
    public const int DefaultReportLimit = 1_000;
    public const int MaxReportLimit = 10_000;

    public static void MapImportRoutes(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/imports").WithTags("Imports").RequirePermission(PermissionMatrix.BulkImportRoster);

        imports.MapPost("/", async (HttpContext http, IDocumentSession session) =>
        {
            var upload = await ImportUpload.ReadAsync(http);
            var set = OneRosterZip.Read(upload.Content);
            var id = Guid.NewGuid();
            var caller = RosterAccess.Caller(http);
            var actor = new ImportActor(caller.AccountId, caller.StaffType, caller.Institutions.ToList(), http.GrantedScope());
            var events = Import.Decide(new UploadImport(id, upload.FileName, Convert.ToHexStringLower(SHA256.HashData(upload.Content)),
                upload.Content.Length, set.Rows, actor, DateTimeOffset.UtcNow), null);
            session.Store(new ImportFile(id, upload.Content));
            await session.Start(id, http, events);
            return Results.Accepted(http.LinkTo($"/imports/{id}"), ImportView.Of(await Load(session, id), ReportPage.Empty(DefaultReportLimit)));
        })
        // No Accepts metadata: routing would answer another content type with a bare 415; the upload says what to send.
        .DisableAntiforgery()
        .Produces<ImportView>(StatusCodes.Status202Accepted)
        .WithSummary("Upload a OneRoster 1.1 CSV zip (manifest.csv, orgs.csv, users.csv, classes.csv, enrollments.csv, "
                     + $"academicSessions.csv with the exact 1.1 headers; at most {ImportUpload.MaxFileBytes / 1024 / 1024} MB) as the "
                     + "multipart/form-data field 'file' or an application/zip body. Answers 202 with the import job; its dry run "
                     + "runs at once and writes nothing. A file or header that is not OneRoster 1.1 is a 400 naming the file and column.");

        imports.MapGet("/{import:guid}", async (Guid import, int? offset, int? limit, RowOutcome? outcome, IQuerySession session,
            HttpContext http) =>
        {
            var state = await Reachable(session, http, import);
            var page = await Report(session, state, offset ?? 0, limit ?? DefaultReportLimit, outcome, http.RequestAborted);
            await session.SetETagOf(import, http);
            return Results.Ok(ImportView.Of(state, page));
        })
        .WithSummary("An import job: status (Queued, DryRunRunning, ReadyToApply, Applying, Applied, Failed), progress of its phase, "
                     + "totals, and a page of the phase's report: per row the file, row, sourcedId and outcome (Created, Updated, "
                     + "Unchanged, Refused with the reason, SentToIdentity for staff rows). offset and limit page it; outcome filters it.");

        imports.MapPost("/{import:guid}/apply", async (Guid import, IDocumentSession session, HttpContext http) =>
        {
            await Reachable(session, http, import);
            await session.Decide<ImportState>(import, http,
                state => Import.Decide(new ApplyImport(import, RosterAccess.ActorId(http), DateTimeOffset.UtcNow), state), Import.NotFound(import));
            return Results.Accepted(http.LinkTo($"/imports/{import}"), ImportView.Of(await Load(session, import), ReportPage.Empty(DefaultReportLimit)));
        })
        .Produces<ImportView>(StatusCodes.Status202Accepted)
        .WithSummary("Apply an import whose dry run is ready (409 otherwise): every row is decided again against the roster as it "
                     + "is then and written, as a job with progress; staff rows go to Identity. Honours If-Match.");
    }

    /// <summary>The uploader, and whoever the granted scope reaches from the uploader's schools; otherwise 404.</summary>
    private static async Task<ImportState> Reachable(IQuerySession session, HttpContext http, Guid import)
    {
        var state = await session.LoadAsync<ImportState>(import, http.RequestAborted);
        if (state is null || !http.GrantedScopeReaches(ScopedResource.AccountOf(state.Actor.Id, state.Actor.Institutions)))
            throw new NotFound(Import.NotFound(import));
        return state;
    }

    private static async Task<ImportState> Load(IQuerySession session, Guid import) =>
        await session.LoadAsync<ImportState>(import) ?? throw new NotFound(Import.NotFound(import));

    private static async Task<ReportPage> Report(IQuerySession session, ImportState state, int offset, int limit, RowOutcome? outcome,
        CancellationToken cancellation)
    {
        if (offset < 0)
            throw new ValidationFailed("offset", "offset must be 0 or more.");
        if (limit is < 1 or > MaxReportLimit)
            throw new ValidationFailed("limit", $"limit must be between 1 and {MaxReportLimit:N0}.");
        var events = await session.Events.FetchStreamAsync(state.Id, token: cancellation);
        var rows = events.Select(e => e.Data).OfType<ImportRowsProcessed>().Where(p => p.Phase == state.Phase)
            .SelectMany(p => p.Rows)
            .Where(r => outcome is null || r.Outcome == outcome)
            .ToList();
        return new ReportPage(offset, limit, rows.Count, rows.Skip(offset).Take(limit).ToList());
    }
}
