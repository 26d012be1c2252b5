namespace Portal.Identity.Credentials;

/// <summary>Who may disable (the person after re-authenticating, or an administrator) is the endpoint's decision.</summary>
public sealed record DisableTwoFactor(Guid AccountId, DateTimeOffset At);

public static partial class TwoFactor
{
    public static object[] Decide(DisableTwoFactor command, TwoFactorState state) =>
        state.Status == TwoFactorStatus.NotEnrolled
            ? []
            : [new TwoFactorDisabled(state.AccountId, command.At.ToUniversalTime())];
}
