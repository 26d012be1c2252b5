namespace Portal.Roster.Contracts;

// What a school's MIS sync producer publishes (DESIGN §4.1). Any language can publish these: README
// "MIS sync producers" gives the exchanges, the JSON envelope and an example. Versioned by adding fields only.
// SyncedAt is the producer's time of the record: Roster applies a record only when it is newer than the last
// one it applied for the same student or class, so duplicates and late deliveries change nothing.

/// <summary>One student as the MIS holds them. YearGroup is the school's year-group id ("Y10") or name ("Year 10").</summary>
public sealed record MisStudentSynced(
    Guid OrganisationId,
    Guid SchoolId,
    string MisId,
    string GivenName,
    string FamilyName,
    string YearGroup,
    string? Email,
    string? StudentInformationNumber,
    DateOnly? DateLeft,
    DateTimeOffset SyncedAt);

/// <summary>
/// Many students of one school at once. When <see cref="IsFullRoll"/> is true the batch is the school's whole
/// roll: every student synced from the MIS before and missing here has left. Such a batch that would mark more
/// than the sync guard's share of the school's students as left is held for a member of staff to decide.
/// </summary>
public sealed record MisStudentsBatchSynced(
    Guid OrganisationId,
    Guid SchoolId,
    bool IsFullRoll,
    IReadOnlyList<MisStudentRecord> Students,
    DateTimeOffset SyncedAt);

public sealed record MisStudentRecord(
    string MisId,
    string GivenName,
    string FamilyName,
    string YearGroup,
    string? Email,
    string? StudentInformationNumber,
    DateOnly? DateLeft);

/// <summary>A class (teaching group) with its whole membership: the students' MIS ids and the teachers' emails.</summary>
public sealed record MisClassSynced(
    Guid OrganisationId,
    Guid SchoolId,
    string MisClassId,
    string Name,
    string? Subject,
    bool Active,
    IReadOnlyList<string> StudentMisIds,
    IReadOnlyList<string> TeacherEmails,
    DateTimeOffset SyncedAt);

/// <summary>One student joining (<see cref="Enrolled"/> true) or leaving a class.</summary>
public sealed record MisEnrolmentSynced(
    Guid OrganisationId,
    Guid SchoolId,
    string MisClassId,
    string StudentMisId,
    bool Enrolled,
    DateTimeOffset SyncedAt);

/// <summary>A class's whole timetable (replaces what was there).</summary>
public sealed record MisTimetableSynced(
    Guid OrganisationId,
    Guid SchoolId,
    string MisClassId,
    IReadOnlyList<MisLesson> Lessons,
    DateTimeOffset SyncedAt);

/// <param name="DayOfWeek">1 = Monday … 7 = Sunday.</param>
public sealed record MisLesson(int DayOfWeek, TimeOnly Start, TimeOnly End, string? Room, string? Period);

/// <summary>A homework item set for a class; the same MisHomeworkId again replaces it.</summary>
public sealed record MisHomeworkSet(
    Guid OrganisationId,
    Guid SchoolId,
    string MisClassId,
    string MisHomeworkId,
    string Title,
    string? Description,
    DateOnly DueOn,
    bool Withdrawn,
    DateTimeOffset SyncedAt);
