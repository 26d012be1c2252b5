using System.Net.Mail;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>
/// The student decider: one <c>Decide(command, state)</c> per use case, each beside its command in the use case's
/// file. Pure: refusals throw ValidationFailed (400), RuleViolation (409) or NotFound (404). A command that would
/// change nothing returns no events.
/// </summary>
public static partial class Student
{
    public const int MaxNameLength = 100;
    public const int MaxMisIdLength = 100;
    public const int MaxYearGroupLength = 50;
    public const int MaxEmailLength = 254;
    public const int MaxStudentInformationNumberLength = 50;

    public static string ValidGivenName(string? name) => Text.Required(name, "givenName", "Given name", MaxNameLength);

    public static string ValidFamilyName(string? name) => Text.Required(name, "familyName", "Family name", MaxNameLength);

    public static string ValidYearGroup(string? yearGroup) => Text.Required(yearGroup, "yearGroup", "Year group", MaxYearGroupLength);

    public static string? ValidStudentInformationNumber(string? number) =>
        Text.Optional(number, "studentInformationNumber", "Student information number", MaxStudentInformationNumberLength);

    /// <summary>Emails are the student's future username: trimmed, lower-cased, and one address only.</summary>
    public static string? ValidEmail(string? email)
    {
        var trimmed = Text.Optional(email, "email", "Email", MaxEmailLength);
        if (trimmed is null) return null;
        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('@'))
            throw new ValidationFailed("email", $"Email '{trimmed}' is not a single email address.");
        return trimmed.ToLowerInvariant();
    }
}
