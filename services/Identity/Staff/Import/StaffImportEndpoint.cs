using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Portal.Identity.Access;
using Portal.Identity.Institutions;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Staff;

/// <summary>Bulk import of staff from a OneRoster 1.1 users.csv, with a report per row (the chart's "Bulk import of staff").</summary>
public static class StaffImportEndpoint
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5_000;
    // Multipart framing around the file: boundaries and part headers.
    private const long MultipartOverhead = 64 * 1024;

    public static void MapStaffImportEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/staff/import", async (HttpContext http, IDocumentStore store, IQuerySession session, ILoggerFactory logging) =>
        {
            var actor = StaffCaller.Actor(http);
            var organisation = StaffCaller.Organisation(http);
            await using var upload = await OpenUpload(http);
            var users = await OneRosterUsersFile.ReadAsync(upload, MaxRows, http.RequestAborted);

            var accounts = await session.Query<StaffAccountState>().ToListAsync(http.RequestAborted);
            var directory = await InstitutionDirectory.LoadAsync(session, http.RequestAborted);
            var steps = new StaffImportPlan(organisation, actor, accounts, directory, DateTimeOffset.UtcNow).Decide(users);
            var report = StaffImportReport.Of(await new StaffImportWriter(store, organisation.ToString()).WriteAsync(steps, http.RequestAborted));

            logging.CreateLogger(typeof(StaffImportEndpoint)).LogInformation(
                "Staff import in organisation {Organisation}: {Rows} rows, {Created} created, {Updated} updated, {Skipped} skipped, {Failed} failed",
                organisation, report.Rows, report.Created, report.Updated, report.Skipped, report.Failed);
            return Results.Ok(report);
        })
        .RequirePermission(PermissionMatrix.ImportStaff)
        .DisableAntiforgery()
        .Accepts<IFormFile>("multipart/form-data", "text/csv")
        .Produces<StaffImportReport>()
        .WithTags("Staff accounts")
        .WithSummary("Import staff from a OneRoster 1.1 users.csv, sent as the multipart/form-data field 'file' or as a text/csv "
                     + $"body (at most {MaxFileBytes / 1024 / 1024} MB and {MaxRows:N0} rows). Rows with role teacher are added "
                     + "in bulk; administrator rows are refused (administrator accounts are added only individually); other roles "
                     + "are skipped. orgSourcedIds name schools by id or code. Answers a report per row: row, sourcedId, email, "
                     + "outcome (created, updated, skipped, failed), accountId and reason. One bad row never stops the others; "
                     + "a file that is not such a CSV is a 400 problem and imports nothing.");
    }

    /// <summary>The CSV's bytes, from either form of upload, refused early when too large.</summary>
    private static async Task<Stream> OpenUpload(HttpContext http)
    {
        var request = http.Request;
        var cancellation = http.RequestAborted;
        var multipart = request.HasFormContentType;
        if (!multipart && !IsCsv(request.ContentType))
            throw new BadHttpRequestException(
                "Send users.csv as the multipart/form-data field 'file' or as a text/csv body.", StatusCodes.Status415UnsupportedMediaType);

        var allowed = MaxFileBytes + (multipart ? MultipartOverhead : 0);
        if (request.ContentLength > allowed)
            throw TooLarge(request.ContentLength.Value);
        // Kestrel then stops a chunked body that runs past the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = allowed;

        if (!multipart)
            return await ReadAtMost(request.Body, cancellation);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellation);
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException($"The multipart body could not be read: {e.Message}", StatusCodes.Status400BadRequest);
        }
        var file = form.Files.GetFile("file")
            ?? throw new ValidationFailed("file", "Upload users.csv as the multipart/form-data field 'file'.");
        if (file.Length > MaxFileBytes)
            throw TooLarge(file.Length);
        return file.OpenReadStream();
    }

    private static bool IsCsv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/csv", StringComparison.OrdinalIgnoreCase));

    private static async Task<Stream> ReadAtMost(Stream body, CancellationToken cancellation)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
                throw TooLarge(buffer.Length + read);
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static BadHttpRequestException TooLarge(long bytes) => new(
        $"The upload is {bytes:N0} bytes or more; at most {MaxFileBytes:N0} bytes ({MaxFileBytes / 1024 / 1024} MB) may be imported at once. "
        + "Split the file.", StatusCodes.Status413PayloadTooLarge);
}
