using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Ledger.History;

/// <summary>
/// The login-history decider: records each transition Identity published once, keyed by Identity's version, so
/// duplicates and replays never add a second interval (and so never a second charge).
/// </summary>
public static class LoginHistory
{
    public static IEnumerable<object> Decide(RecordLoginTransition command, LoginHistoryState? state)
    {
        if (command.Version <= 0)
            throw new ValidationFailed(nameof(command.Version), $"Identity's account versions start at 1; got {command.Version}.");
        if (state?.Knows(command.Version) == true) return [];

        var at = command.At.ToUniversalTime();
        return command.Enabled
            ? [new LoginEnabledRecorded(command.StudentId, command.SchoolId, command.Version, at)]
            : [new LoginDisabledRecorded(command.StudentId, command.SchoolId, command.Reason ?? "", command.Version, at)];
    }

    /// <summary>The state after the events just decided (Marten's snapshot only catches up on save).</summary>
    public static LoginHistoryState After(LoginHistoryState? state, IEnumerable<object> decided) =>
        decided.Aggregate(state, (s, e) => e switch
        {
            LoginEnabledRecorded enabled => s?.Apply(enabled) ?? LoginHistoryState.Create(enabled),
            LoginDisabledRecorded disabled => s?.Apply(disabled) ?? LoginHistoryState.Create(disabled),
            _ => s,
        }) ?? throw new InvalidOperationException("A login history starts with a recorded transition.");
}
