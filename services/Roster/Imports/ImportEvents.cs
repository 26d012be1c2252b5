using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Imports;

// The events of an import job's stream: uploaded, each phase (dry run, apply) queued, started, its rows processed in
// chunks (the per-row report), finished or failed. The rows a phase decided are its report.

public enum ImportPhase { DryRun, Apply }

public enum ImportStatus { Queued, DryRunRunning, ReadyToApply, Applying, Applied, Failed }

/// <summary>SentToIdentity: a staff row handed to Identity, which owns staff accounts and imports them with its own rules.</summary>
public enum RowOutcome { Created, Updated, Unchanged, Refused, SentToIdentity }

/// <summary>
/// Who uploaded the file and how far their permission reached then: the whole import is decided with this scope,
/// whoever applies it.
/// </summary>
public sealed record ImportActor(Guid Id, StaffType? StaffType, IReadOnlyList<Guid> Institutions, Scope Scope);

/// <summary>What became of one row. Id is the student, class or school the row names, once known.</summary>
public sealed record ImportRowResult(string File, int Row, string SourcedId, RowOutcome Outcome, string? Reason = null, Guid? Id = null);

public sealed record ImportUploaded(Guid ImportId, string FileName, string Sha256, long Bytes, int Rows, ImportActor Actor, DateTimeOffset At);

/// <summary>A phase waits for the import job consumer (the dry run at once on upload; the apply when someone asks).</summary>
public sealed record ImportPhaseQueued(Guid ImportId, ImportPhase Phase, Guid ActorId, DateTimeOffset At);

public sealed record ImportPhaseStarted(Guid ImportId, ImportPhase Phase, DateTimeOffset At);

/// <summary>The next rows of the phase, in report order, saved with their effect (when applying) in one transaction.</summary>
public sealed record ImportRowsProcessed(Guid ImportId, ImportPhase Phase, int FirstIndex, IReadOnlyList<ImportRowResult> Rows, DateTimeOffset At);

/// <summary>The applied import's staff rows, for Identity (published as <see cref="RosterStaffImported"/>).</summary>
public sealed record ImportStaffRowsHandedOver(Guid ImportId, ImportActor Actor, IReadOnlyList<ImportedStaffRow> Rows, DateTimeOffset At);

public sealed record ImportPhaseFinished(Guid ImportId, ImportPhase Phase, DateTimeOffset At);

public sealed record ImportFailed(Guid ImportId, ImportPhase Phase, string Reason, DateTimeOffset At);
