namespace Portal.Identity.Staff;

/// <summary>What became of each row of an imported users.csv, in file order, with the totals.</summary>
public sealed record StaffImportReport(int Rows, int Created, int Updated, int Skipped, int Failed, IReadOnlyList<StaffImportRow> Results)
{
    public static StaffImportReport Of(IReadOnlyList<StaffImportRow> results) => new(
        results.Count,
        results.Count(r => r.Outcome == ImportOutcome.Created),
        results.Count(r => r.Outcome == ImportOutcome.Updated),
        results.Count(r => r.Outcome == ImportOutcome.Skipped),
        results.Count(r => r.Outcome == ImportOutcome.Failed),
        results);
}

/// <param name="Row">The row number as a spreadsheet shows it: the header is row 1.</param>
/// <param name="Reason">Why a row was skipped or failed, or what an update changed.</param>
public sealed record StaffImportRow(int Row, string? SourcedId, string? Email, string Outcome, Guid? AccountId = null, string? Reason = null);

public static class ImportOutcome
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
