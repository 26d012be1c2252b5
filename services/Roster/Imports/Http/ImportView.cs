namespace Portal.Roster.Imports.Http;

/// <summary>
/// An import job as its uploader sees it: status, progress of the current phase (rows done of the total), what its
/// rows came to, the dry run's totals once it has finished, and a page of the current phase's per-row report.
/// </summary>
public sealed record ImportView(
    Guid Id,
    string FileName,
    long Bytes,
    ImportStatus Status,
    ImportPhase Phase,
    ImportProgress Progress,
    ImportCounts Counts,
    ImportCounts? DryRun,
    string? Failure,
    Guid UploadedBy,
    Guid? AppliedBy,
    DateTimeOffset UploadedAt,
    DateTimeOffset UpdatedAt,
    ReportPage Report)
{
    public static ImportView Of(ImportState state, ReportPage report) => new(
        state.Id, state.FileName, state.Bytes, state.Status, state.Phase, new ImportProgress(state.Done, state.Rows), state.Counts,
        state.DryRun, state.Failure, state.Actor.Id, state.AppliedBy, state.UploadedAt, state.UpdatedAt, report);
}

public sealed record ImportProgress(int Done, int Total);

/// <param name="Matching">How many rows of the phase match the outcome asked for (all of them when none is).</param>
public sealed record ReportPage(int Offset, int Limit, int Matching, IReadOnlyList<ImportRowResult> Rows)
{
    public static ReportPage Empty(int limit) => new(0, limit, 0, []);
}
