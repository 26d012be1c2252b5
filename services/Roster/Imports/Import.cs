namespace Portal.Roster.Imports;

/// <summary>
/// The import job decider: one <c>Decide(command, state)</c> per use case, each beside its command in the use case's
/// file (Uploading, Applying, Running). Pure: refusals throw RuleViolation (409). A command that would change nothing
/// returns no events.
/// </summary>
public static partial class Import
{
    public static string NotFound(Guid import) => $"Import {import} was not found.";

    public static string Describe(ImportStatus status) => status switch
    {
        ImportStatus.Queued => "queued for its dry run",
        ImportStatus.DryRunRunning => "still in its dry run",
        ImportStatus.ReadyToApply => "ready to apply",
        ImportStatus.Applying => "being applied",
        ImportStatus.Applied => "applied already",
        _ => "failed",
    };
}
