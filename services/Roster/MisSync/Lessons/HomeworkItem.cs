using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.MisSync;

/// <summary>
/// A homework item set for a class, as the MIS last sent it (latest SyncedAt wins). A withdrawn item stays, marked,
/// so a late copy of an older version cannot bring it back.
/// </summary>
public sealed record HomeworkItem(
    Guid Id, Guid ClassId, Guid SchoolId, string MisClassId, string MisHomeworkId, string Title, string? Description, DateOnly DueOn,
    bool Withdrawn, DateTimeOffset SyncedAt)
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxMisHomeworkIdLength = 100;

    private static readonly Guid Ids = new("9f1c7a3e-52b8-4d06-8e4a-6b2d0c9f7e15");

    public static Guid IdFor(Guid @class, string misHomeworkId) => NameBasedGuid.Create(Ids, $"{@class:N}/{misHomeworkId}");
}
