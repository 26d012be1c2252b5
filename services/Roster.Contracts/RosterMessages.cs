namespace Portal.Roster.Contracts;

// Messages the Roster service publishes. Past tense; versioned by adding fields only. Each carries the stream
// version, so a consumer can ignore an older one delivered after a newer one.

/// <summary>
/// A student as Roster now holds them, after any change (enrolled, details, email, year group, left, returned,
/// moved, deleted). YearGroup is the school's year-group id when the school has one by that id or name.
/// </summary>
public sealed record RosterStudentChanged(
    Guid OrganisationId,
    Guid StudentId,
    Guid SchoolId,
    string? MisId,
    string GivenName,
    string FamilyName,
    string YearGroup,
    string? Email,
    bool Left,
    bool Deleted,
    long Version,
    DateTimeOffset At);

/// <summary>A student moved from one school of the organisation to another.</summary>
public sealed record StudentMoved(
    Guid OrganisationId, Guid StudentId, Guid FromSchoolId, Guid ToSchoolId, long Version, DateTimeOffset At);

/// <summary>A class as Roster now holds it: its teachers and students (the whole lists, so order of delivery does not matter).</summary>
public sealed record ClassChanged(
    Guid OrganisationId,
    Guid ClassId,
    Guid SchoolId,
    string Name,
    bool Active,
    IReadOnlyList<Guid> TeacherIds,
    IReadOnlyList<Guid> StudentIds,
    long Version,
    DateTimeOffset At);

/// <summary>
/// Staff rows of a OneRoster bulk import, handed to Identity, which owns staff accounts and imports them with its
/// own rules. ImportId identifies the import job; the rows are OneRoster 1.1 users.csv rows with role teacher or
/// administrator.
/// </summary>
public sealed record RosterStaffImported(
    Guid OrganisationId,
    Guid ImportId,
    Guid ActorId,
    string ActorStaffType,
    IReadOnlyList<Guid> ActorInstitutions,
    IReadOnlyList<ImportedStaffRow> Rows,
    DateTimeOffset At);

public sealed record ImportedStaffRow(
    int Row,
    string SourcedId,
    string Status,
    string EnabledUser,
    string OrgSourcedIds,
    string Role,
    string GivenName,
    string FamilyName,
    string Email);
