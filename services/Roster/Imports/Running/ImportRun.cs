using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports;

// Running a queued phase: the job consumer starts it, records its rows chunk by chunk (each chunk with its writes, so
// an interrupted run resumes after the last saved chunk), then finishes it, or fails it with the reason.

public sealed record StartImportPhase(Guid ImportId, ImportPhase Phase, DateTimeOffset At);

public sealed record RecordImportRows(Guid ImportId, ImportPhase Phase, int FirstIndex, IReadOnlyList<ImportRowResult> Rows, DateTimeOffset At);

/// <summary>StaffRows are handed to Identity when an apply finishes.</summary>
public sealed record FinishImportPhase(Guid ImportId, ImportPhase Phase, IReadOnlyList<ImportedStaffRow> StaffRows, DateTimeOffset At);

public sealed record FailImport(Guid ImportId, ImportPhase Phase, string Reason, DateTimeOffset At);

public static partial class Import
{
    public static object[] Decide(StartImportPhase command, ImportState state)
    {
        EnsureAwaits(state, command.Phase);
        return state.PhaseStarted ? [] : [new ImportPhaseStarted(command.ImportId, command.Phase, command.At.ToUniversalTime())];
    }

    public static object[] Decide(RecordImportRows command, ImportState state)
    {
        EnsureAwaits(state, command.Phase);
        if (!state.PhaseStarted)
            throw new RuleViolation($"Import {command.ImportId}'s {Label(command.Phase)} has not started.");
        if (command.FirstIndex != state.Done)
            throw new RuleViolation($"Import {command.ImportId} has recorded {state.Done} rows; rows from {command.FirstIndex} cannot follow.");
        if (state.Done + command.Rows.Count > state.Rows)
            throw new RuleViolation($"Import {command.ImportId} has {state.Rows} rows; {state.Done + command.Rows.Count} cannot be recorded.");
        return command.Rows.Count == 0 ? []
            : [new ImportRowsProcessed(command.ImportId, command.Phase, command.FirstIndex, command.Rows, command.At.ToUniversalTime())];
    }

    public static object[] Decide(FinishImportPhase command, ImportState state)
    {
        EnsureAwaits(state, command.Phase);
        if (state.Done != state.Rows)
            throw new RuleViolation($"Import {command.ImportId} has recorded {state.Done} of its {state.Rows} rows; it cannot finish yet.");
        var at = command.At.ToUniversalTime();
        var finished = new ImportPhaseFinished(command.ImportId, command.Phase, at);
        return command.Phase == ImportPhase.Apply && command.StaffRows.Count > 0
            ? [new ImportStaffRowsHandedOver(command.ImportId, state.Actor, command.StaffRows, at), finished]
            : [finished];
    }

    /// <summary>A phase that has finished (or failed) already stays as it is.</summary>
    public static object[] Decide(FailImport command, ImportState state) =>
        state.Awaits(command.Phase) ? [new ImportFailed(command.ImportId, command.Phase, command.Reason, command.At.ToUniversalTime())] : [];

    private static void EnsureAwaits(ImportState state, ImportPhase phase)
    {
        if (!state.Awaits(phase))
            throw new RuleViolation($"Import {state.Id} is {Describe(state.Status)}; its {Label(phase)} has nothing to run.");
    }

    private static string Label(ImportPhase phase) => phase == ImportPhase.DryRun ? "dry run" : "apply";
}
