using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Organisations;

/// <summary>
/// The organisation decider: one <c>Decide(command, state)</c> per use case, each beside its command in the
/// use case's folder. Pure: refusals throw RuleViolation (409) or ValidationFailed (400).
/// </summary>
public static partial class Organisation
{
    public const int MaxNameLength = 200;

    static string ValidName(string? name) => Text.Required(name, "name", "Organisation name", MaxNameLength);
}
