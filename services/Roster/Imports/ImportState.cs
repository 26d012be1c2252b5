namespace Portal.Roster.Imports;

/// <summary>
/// An import job: the uploaded file's description, the phase it is in, how many rows that phase has processed and
/// what became of them. The rows themselves are in the stream's <see cref="ImportRowsProcessed"/> events. Marten keeps
/// it as an inline snapshot through the public Create/Apply methods; never mutate one fetched from Marten.
/// </summary>
public sealed record ImportState(
    Guid Id,
    string FileName,
    string Sha256,
    long Bytes,
    int Rows,
    ImportActor Actor,
    ImportStatus Status,
    ImportPhase Phase,
    bool PhaseStarted,
    int Done,
    ImportCounts Counts,
    ImportCounts? DryRun,
    Guid? AppliedBy,
    string? Failure,
    DateTimeOffset UploadedAt,
    DateTimeOffset UpdatedAt)
{
    public static ImportState Create(ImportUploaded e) => new(
        e.ImportId, e.FileName, e.Sha256, e.Bytes, e.Rows, e.Actor, ImportStatus.Queued, ImportPhase.DryRun, PhaseStarted: false,
        Done: 0, ImportCounts.None, DryRun: null, AppliedBy: null, Failure: null, e.At, e.At);

    public ImportState Apply(ImportPhaseQueued e) => this with
    {
        Phase = e.Phase, Status = e.Phase == ImportPhase.DryRun ? ImportStatus.Queued : ImportStatus.Applying, PhaseStarted = false,
        Done = 0, Counts = ImportCounts.None, AppliedBy = e.Phase == ImportPhase.Apply ? e.ActorId : AppliedBy, UpdatedAt = e.At,
    };

    public ImportState Apply(ImportPhaseStarted e) => this with
    {
        Status = e.Phase == ImportPhase.DryRun ? ImportStatus.DryRunRunning : ImportStatus.Applying, PhaseStarted = true, UpdatedAt = e.At,
    };

    public ImportState Apply(ImportRowsProcessed e) => this with { Done = Done + e.Rows.Count, Counts = Counts.Add(e.Rows), UpdatedAt = e.At };

    public ImportState Apply(ImportStaffRowsHandedOver e) => this with { UpdatedAt = e.At };

    public ImportState Apply(ImportPhaseFinished e) => e.Phase == ImportPhase.DryRun
        ? this with { Status = ImportStatus.ReadyToApply, DryRun = Counts, UpdatedAt = e.At }
        : this with { Status = ImportStatus.Applied, UpdatedAt = e.At };

    public ImportState Apply(ImportFailed e) => this with { Status = ImportStatus.Failed, Failure = e.Reason, UpdatedAt = e.At };

    /// <summary>Whether the phase still has work for the job consumer (queued or interrupted while running).</summary>
    public bool Awaits(ImportPhase phase) =>
        Phase == phase && Status is ImportStatus.Queued or ImportStatus.DryRunRunning or ImportStatus.Applying;
}

/// <summary>How many rows of a phase came to each outcome.</summary>
public sealed record ImportCounts(int Created, int Updated, int Unchanged, int Refused, int SentToIdentity)
{
    public static ImportCounts None { get; } = new(0, 0, 0, 0, 0);

    public ImportCounts Add(IEnumerable<ImportRowResult> rows) => rows.Aggregate(this, (counts, row) => row.Outcome switch
    {
        RowOutcome.Created => counts with { Created = counts.Created + 1 },
        RowOutcome.Updated => counts with { Updated = counts.Updated + 1 },
        RowOutcome.Unchanged => counts with { Unchanged = counts.Unchanged + 1 },
        RowOutcome.Refused => counts with { Refused = counts.Refused + 1 },
        _ => counts with { SentToIdentity = counts.SentToIdentity + 1 },
    });
}
