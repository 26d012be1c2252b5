namespace Portal.Identity.Credentials;

/// <summary>What an account's password attempts allow: lockout, its end, and the delay before answering.</summary>
public static partial class SignInAttempts
{
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    /// <summary>Failures further apart than this do not add up to a lockout.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    static readonly TimeSpan MaximumDelay = TimeSpan.FromSeconds(8);

    public static SignInAllowance CanAttempt(SignInAttemptsState state, DateTimeOffset now) =>
        state.LockedUntil is { } until && now < until
            ? new SignInAllowance(false, until)
            : new SignInAllowance(true, null);

    /// <summary>
    /// How long the endpoint waits before answering the next attempt: none for the first two, then doubling
    /// (1 s, 2 s, 4 s …, capped) so guessing slows down well before the lockout has to step in.
    /// </summary>
    public static TimeSpan RequiredDelay(SignInAttemptsState state, DateTimeOffset now)
    {
        var failures = state.FailuresCountingAt(now);
        if (failures < 2)
            return TimeSpan.Zero;
        var delay = TimeSpan.FromSeconds(Math.Pow(2, failures - 2));
        return delay < MaximumDelay ? delay : MaximumDelay;
    }
}

/// <summary>Whether a password attempt may be made now, and if not, when the lockout ends.</summary>
public sealed record SignInAllowance(bool Allowed, DateTimeOffset? LockedUntil);

public static class SignInRefusal
{
    /// <summary>The one message for a wrong password, an unknown email and a locked account alike, so none can be told apart.</summary>
    public const string Generic = "The email or password is incorrect.";
}
