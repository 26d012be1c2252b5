namespace Portal.Roster.MisSync;

/// <summary>
/// The producer's time (SyncedAt) of the last MIS record applied to one student or class. A record that is not newer
/// changes nothing, so a duplicate or a late delivery of an older record leaves the state as it is.
/// </summary>
public sealed record SyncWatermark(string Id, DateTimeOffset SyncedAt)
{
    public static string OfStudent(Guid student) => $"student/{student}";

    /// <summary>The class as a whole: name, subject, active, teachers and the membership list.</summary>
    public static string OfClass(Guid @class) => $"class/{@class}";
}

/// <summary>
/// The last enrolment record applied for one student in one class. A class record lists the whole membership; an
/// enrolment newer than it still counts, so the order they arrive in does not matter.
/// </summary>
public sealed record EnrolmentWatermark(string Id, Guid ClassId, Guid StudentId, bool Enrolled, DateTimeOffset SyncedAt)
{
    public static string IdOf(Guid @class, Guid student) => $"{@class}/{student}";
}

public static class Watermarks
{
    /// <summary>Whether a record of this time is newer than what was applied (no watermark: nothing was).</summary>
    public static bool Admits(this SyncWatermark? watermark, DateTimeOffset syncedAt) => watermark is null || watermark.SyncedAt < syncedAt;
}
