using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Credentials;

public sealed record RecordSuccessfulSignIn(Guid AccountId, DateTimeOffset At);

public static partial class SignInAttempts
{
    public static object[] Decide(RecordSuccessfulSignIn command, SignInAttemptsState state)
    {
        var at = command.At.ToUniversalTime();
        // The endpoint must not check a password during a lockout; reaching here then is a bug, not a sign-in.
        if (CanAttempt(state, at) is { Allowed: false, LockedUntil: var until })
            throw new RuleViolation($"The account is locked until {until:O}.");
        return [new SignInSucceeded(state.AccountId, at)];
    }
}
