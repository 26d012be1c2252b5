using Portal.Roster.Contracts;

namespace Portal.Roster.MisSync;

/// <summary>The records of a held full roll, kept until a member of staff decides (or a newer roll supersedes it).</summary>
public sealed record HeldRoll(Guid Id, Guid SchoolId, DateTimeOffset SyncedAt, IReadOnlyList<MisStudentRecord> Students);
