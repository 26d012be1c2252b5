using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports;

/// <summary>Apply a finished dry run: the job decides every row again against the roster as it is then, and writes.</summary>
public sealed record ApplyImport(Guid ImportId, Guid ActorId, DateTimeOffset At);

public static partial class Import
{
    public static object[] Decide(ApplyImport command, ImportState state)
    {
        if (state.Status != ImportStatus.ReadyToApply)
            throw new RuleViolation($"Import {command.ImportId} is {Describe(state.Status)}; only a finished dry run can be applied.");
        return [new ImportPhaseQueued(command.ImportId, ImportPhase.Apply, command.ActorId, command.At.ToUniversalTime())];
    }
}
