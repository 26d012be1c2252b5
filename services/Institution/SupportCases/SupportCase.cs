using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.SupportCases;

/// <summary>The support case decider: one <c>Decide(command, state)</c> per use case, beside its command.</summary>
public static partial class SupportCase
{
    public const int MaxTextLength = 2000;

    /// <summary>Only an open case can be decided; the refusal says what became of it and when.</summary>
    static void EnsureOpen(SupportCaseState state, string verb)
    {
        if (state.Status == SupportCaseStatus.Open)
            return;
        var when = state.DecidedAt is { } at ? $" on {Text.Date(DateOnly.FromDateTime(at.UtcDateTime))}" : "";
        throw new RuleViolation(
            $"Only an open case can be {verb}; this case was already {state.Status.ToString().ToLowerInvariant()}{when}.");
    }
}
