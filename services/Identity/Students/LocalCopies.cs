using Portal.Institution.Contracts;
using Portal.Roster.Contracts;

namespace Portal.Identity.Students;

/// <summary>
/// A school's student-login setting as Institution last published it (document id = the school id). The newest
/// version wins: an older message delivered late changes nothing.
/// </summary>
public sealed record SchoolLoginSettings(Guid Id, bool Enabled, IReadOnlyList<string> YearGroups, long Version)
{
    public bool Enables(string yearGroup) =>
        Enabled && YearGroups.Any(y => string.Equals(y, yearGroup.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <returns>The setting the message describes, or null when the copy already holds that version or a newer one.</returns>
    public static SchoolLoginSettings? Newer(SchoolLoginSettings? known, StudentLoginsConfigured message) =>
        known is not null && known.Version >= message.Version ? null
        : new(message.InstitutionId, message.Enabled,
            message.YearGroups.Select(y => y.Trim()).Where(y => y.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            message.Version);
}

/// <summary>
/// A student as Roster last published them (document id = the student id, which is also their account's id).
/// Kept so a change of their school's setting can re-decide every student of that school.
/// </summary>
public sealed record RosteredStudent(
    Guid Id, Guid SchoolId, string? MisId, string GivenName, string FamilyName, string YearGroup, string? Email,
    bool Left, bool Deleted, long Version)
{
    public string DisplayName => $"{GivenName} {FamilyName}".Trim();

    /// <returns>The student the message describes, or null when the copy already holds that version or a newer one.</returns>
    public static RosteredStudent? Newer(RosteredStudent? known, RosterStudentChanged m) =>
        known is not null && known.Version >= m.Version ? null
        : new(m.StudentId, m.SchoolId, m.MisId, m.GivenName.Trim(), m.FamilyName.Trim(), m.YearGroup.Trim(),
            string.IsNullOrWhiteSpace(m.Email) ? null : m.Email.Trim(), m.Left, m.Deleted, m.Version);
}
