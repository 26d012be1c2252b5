namespace Portal.Roster.Imports.OneRoster;

// The rows of a OneRoster 1.1 set that the import uses, as written (trimmed). Row counts the header as row 1, as a
// spreadsheet shows it. Problem says why the row cannot be read (e.g. too few fields); such a row is refused alone.
// OneRoster lists (orgSourcedIds, grades, subjects) are comma-separated inside one field.

public sealed record OrgRow(int Row, string SourcedId, string Status, string Name, string Type, string Identifier, string? Problem);

public sealed record UserRow(
    int Row, string SourcedId, string Status, string EnabledUser, IReadOnlyList<string> OrgSourcedIds, string Role,
    string GivenName, string FamilyName, string Identifier, string Email, IReadOnlyList<string> Grades, string? Problem)
{
    public string RoleName => Role.ToLowerInvariant();

    public bool IsStudent => RoleName == "student";

    public bool IsStaff => RoleName is "teacher" or "administrator";
}

public sealed record ClassRow(
    int Row, string SourcedId, string Status, string Title, string SchoolSourcedId, IReadOnlyList<string> Subjects, string? Problem);

public sealed record EnrollmentRow(
    int Row, string SourcedId, string Status, string ClassSourcedId, string SchoolSourcedId, string UserSourcedId, string Role,
    string? Problem)
{
    public string RoleName => Role.ToLowerInvariant();
}

/// <summary>The set as read from the zip. Academic sessions are checked (header) and counted, not imported.</summary>
public sealed record OneRosterSet(
    IReadOnlyList<OrgRow> Orgs, IReadOnlyList<UserRow> Users, IReadOnlyList<ClassRow> Classes, IReadOnlyList<EnrollmentRow> Enrollments,
    int AcademicSessions)
{
    /// <summary>The rows the import reports on, one each.</summary>
    public int Rows => Orgs.Count + Users.Count + Classes.Count + Enrollments.Count;
}

/// <summary>OneRoster 1.1 status: blank or active, or tobedeleted for a record that is gone.</summary>
public static class OneRosterStatus
{
    public static bool IsKnown(string status) => status.Length == 0 || IsActive(status) || IsToBeDeleted(status);

    public static bool IsActive(string status) => status.Length == 0 || status.Equals("active", StringComparison.OrdinalIgnoreCase);

    public static bool IsToBeDeleted(string status) => status.Equals("tobedeleted", StringComparison.OrdinalIgnoreCase);

    public static string Unknown(string status) => $"status '{status}' is neither active nor tobedeleted.";
}
