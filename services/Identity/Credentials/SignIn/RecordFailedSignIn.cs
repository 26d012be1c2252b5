namespace Portal.Identity.Credentials;

public sealed record RecordFailedSignIn(Guid AccountId, DateTimeOffset At);

public static partial class SignInAttempts
{
    public static object[] Decide(RecordFailedSignIn command, SignInAttemptsState state)
    {
        var at = command.At.ToUniversalTime();
        // Attempts during a lockout are not checked against the password, so they neither count nor extend it.
        if (!CanAttempt(state, at).Allowed)
            return [];
        var failed = new SignInFailed(state.AccountId, at);
        return state.FailuresCountingAt(at) + 1 >= FailuresBeforeLockout
            ? [failed, new AccountLockedOut(state.AccountId, at + LockoutDuration, at)]
            : [failed];
    }
}
