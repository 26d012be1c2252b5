using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

/// <summary>
/// The class decider: one <c>Decide(command, state)</c> per use case, each beside its command in the use case's
/// file. Pure: refusals throw ValidationFailed (400), RuleViolation (409) or NotFound (404). A command that would
/// change nothing returns no events.
/// </summary>
public static partial class Class
{
    public const int MaxNameLength = 100;
    public const int MaxSubjectLength = 100;
    public const int MaxMisClassIdLength = 100;

    public static string ValidName(string? name) => Text.Required(name, "name", "Class name", MaxNameLength);

    public static string? ValidSubject(string? subject) => Text.Optional(subject, "subject", "Subject", MaxSubjectLength);
}
