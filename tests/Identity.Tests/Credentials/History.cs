using Portal.Identity.Credentials;

namespace Portal.Identity.Tests.Credentials;

/// <summary>Rebuilds state from given events the way Marten does, through the public Create/Apply methods.</summary>
static class History
{
    public static readonly Guid AccountId = Guid.Parse("6f1c2b0e-0000-4000-8000-000000000001");
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 10, TimeSpan.Zero);

    public static SignInAttemptsState GivenSignIn(params object[] events) =>
        events.Aggregate(SignInAttemptsState.Initial(AccountId), (state, e) => e switch
        {
            SignInFailed failed => state.Apply(failed),
            SignInSucceeded succeeded => state.Apply(succeeded),
            AccountLockedOut locked => state.Apply(locked),
            _ => throw new ArgumentException($"Not a sign-in event: {e}"),
        });

    public static TwoFactorState GivenTwoFactor(params object[] events) =>
        events.Aggregate(TwoFactorState.NotEnrolled(AccountId), (state, e) => e switch
        {
            TwoFactorEnrolmentStarted started => state.Apply(started),
            TwoFactorEnabled enabled => state.Apply(enabled),
            TotpCodeAccepted accepted => state.Apply(accepted),
            RecoveryCodeUsed used => state.Apply(used),
            TwoFactorDisabled disabled => state.Apply(disabled),
            _ => throw new ArgumentException($"Not a two-factor event: {e}"),
        });
}
