using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Credentials;

public sealed record VerifyTotpCode(Guid AccountId, string Code, DateTimeOffset At);

public static partial class TwoFactor
{
    /// <summary>A wrong code and a replayed one get the same refusal, so a watcher learns nothing from it.</summary>
    public static object[] Decide(VerifyTotpCode command, TwoFactorState state)
    {
        if (state.Status != TwoFactorStatus.Enabled || state.Secret is null)
            throw new RuleViolation("Two-factor authentication is not enabled.");
        var at = command.At.ToUniversalTime();
        return [new TotpCodeAccepted(state.AccountId, AcceptableStep(state, state.Secret, command.Code, at), at)];
    }
}
