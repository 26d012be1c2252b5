namespace Portal.Billing.Ledger.History;

/// <summary>One transition of a student's login, in Identity's version order.</summary>
public sealed record LoginTransition(long Version, bool Enabled, Guid SchoolId, DateTimeOffset At);

/// <summary>
/// A student's login history as Billing recorded it (inline snapshot, id = the student id): every transition, ordered by
/// Identity's version rather than by arrival, so a late message slots into its place.
/// </summary>
public sealed record LoginHistoryState(Guid Id, IReadOnlyList<LoginTransition> Transitions)
{
    public static LoginHistoryState Create(LoginEnabledRecorded e) => new LoginHistoryState(e.StudentId, []).Apply(e);

    public static LoginHistoryState Create(LoginDisabledRecorded e) => new LoginHistoryState(e.StudentId, []).Apply(e);

    public LoginHistoryState Apply(LoginEnabledRecorded e) => With(new LoginTransition(e.Version, true, e.SchoolId, e.At));

    public LoginHistoryState Apply(LoginDisabledRecorded e) => With(new LoginTransition(e.Version, false, e.SchoolId, e.At));

    public bool Knows(long version) => Transitions.Any(t => t.Version == version);

    private LoginHistoryState With(LoginTransition transition) =>
        Knows(transition.Version) ? this : this with { Transitions = [.. Transitions.Append(transition).OrderBy(t => t.Version)] };
}
