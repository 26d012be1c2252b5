namespace Portal.Roster.MisSync;

/// <summary>
/// The sync guard: a full-roll batch that would mark more than this share of the school's active students as left
/// is held for a staff decision instead of applied (Portal:Roster:SyncGuard:MaximumLeaverShare, 0 to 1).
/// </summary>
public sealed class SyncGuardOptions
{
    public const string Section = "Portal:Roster:SyncGuard";

    public double MaximumLeaverShare { get; set; } = 0.10;
}
