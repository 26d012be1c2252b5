using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports;

/// <summary>A OneRoster set whose files and headers have been read: its job starts with the dry run queued.</summary>
public sealed record UploadImport(Guid ImportId, string FileName, string Sha256, long Bytes, int Rows, ImportActor Actor, DateTimeOffset At);

public static partial class Import
{
    public const int MaxFileNameLength = 200;

    public static object[] Decide(UploadImport command, ImportState? state)
    {
        if (state is not null)
            throw new RuleViolation($"Import {command.ImportId} exists already.");
        // Some browsers send the whole path, with either separator; only the name is the file's.
        var name = command.FileName.Trim().Split('/', '\\')[^1].Trim();
        if (name.Length == 0) name = "oneroster.zip";
        if (name.Length > MaxFileNameLength) name = name[..MaxFileNameLength];
        var at = command.At.ToUniversalTime();
        return
        [
            new ImportUploaded(command.ImportId, name, command.Sha256, command.Bytes, command.Rows, command.Actor, at),
            new ImportPhaseQueued(command.ImportId, ImportPhase.DryRun, command.Actor.Id, at),
        ];
    }
}
