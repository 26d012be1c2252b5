using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

/// <summary>
/// The school decider: one <c>Decide(command, state)</c> per use case, each beside its command in the use case's
/// file. Pure: refusals throw RuleViolation (409), ValidationFailed (400) or NotFound (404). A command that would
/// change nothing returns no events.
/// </summary>
public static partial class School
{
    public const int MaxNameLength = 200;
    public const int MaxCodeLength = 20;

    static string ValidName(string? name) => Text.Required(name, "name", "School name", MaxNameLength);

    /// <summary>A URN or another code the organisation uses; kept as given, trimmed.</summary>
    static string ValidCode(string? code) => Text.Required(code, "code", "School code", MaxCodeLength);

    static SchoolPhase ValidPhase(SchoolPhase phase) => Enum.IsDefined(phase)
        ? phase
        : throw new ValidationFailed("phase", $"Phase must be one of {string.Join(", ", Enum.GetNames<SchoolPhase>())}.");
}
