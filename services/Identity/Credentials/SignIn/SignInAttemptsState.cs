namespace Portal.Identity.Credentials;

public sealed record SignInFailed(Guid AccountId, DateTimeOffset At);

public sealed record SignInSucceeded(Guid AccountId, DateTimeOffset At);

public sealed record AccountLockedOut(Guid AccountId, DateTimeOffset Until, DateTimeOffset At);

/// <summary>
/// Password attempts against one account. Marten live-aggregates this record through the public Create/Apply methods.
/// </summary>
public sealed record SignInAttemptsState(
    Guid AccountId, int ConsecutiveFailures, DateTimeOffset? LastFailureAt, DateTimeOffset? LockedUntil)
{
    public static SignInAttemptsState Initial(Guid accountId) => new(accountId, 0, null, null);

    public static SignInAttemptsState Create(SignInFailed e) => Initial(e.AccountId).Apply(e);

    public static SignInAttemptsState Create(SignInSucceeded e) => Initial(e.AccountId).Apply(e);

    public SignInAttemptsState Apply(SignInFailed e) =>
        this with { ConsecutiveFailures = FailuresCountingAt(e.At) + 1, LastFailureAt = e.At };

    public SignInAttemptsState Apply(SignInSucceeded e) =>
        this with { ConsecutiveFailures = 0, LastFailureAt = null, LockedUntil = null };

    // Serving the lockout is the penalty for those failures, so the next run of attempts starts afresh.
    public SignInAttemptsState Apply(AccountLockedOut e) =>
        this with { ConsecutiveFailures = 0, LastFailureAt = null, LockedUntil = e.Until };

    /// <summary>Failures that still count at <paramref name="now"/>: a run of failures older than the window is forgotten.</summary>
    public int FailuresCountingAt(DateTimeOffset now) =>
        LastFailureAt is { } last && now - last < SignInAttempts.FailureWindow ? ConsecutiveFailures : 0;
}
