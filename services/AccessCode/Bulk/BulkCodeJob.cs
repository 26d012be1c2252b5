using Marten;

namespace Portal.AccessCode.Bulk;

/// <summary>Which students a bulk request covers, and what to do with those who already have a code.</summary>
public enum BulkMode
{
    /// <summary>Issue codes only to students without one; existing codes stay.</summary>
    MissingOnly,

    /// <summary>Issue codes to students without one and reset every existing code.</summary>
    ResetAll,
}

/// <summary>
/// The record of one bulk request: its selection, the students it covered (in letter order) and what it did. Letters and
/// the CSV export are produced from it, with each student's current code.
/// </summary>
public sealed record BulkCodeJob(
    Guid Id,
    Guid SchoolId,
    IReadOnlyList<string> YearGroups,
    Guid? ClassId,
    BulkMode Mode,
    IReadOnlyList<Guid> StudentIds,
    int Issued,
    int Reset,
    int Unchanged,
    Guid ActorId,
    DateTimeOffset At)
{
    public static void Configure(StoreOptions options) => options.Schema.For<BulkCodeJob>().Index(j => j.SchoolId);
}
