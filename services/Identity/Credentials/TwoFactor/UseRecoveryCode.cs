using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Credentials;

public sealed record UseRecoveryCode(Guid AccountId, string Code, DateTimeOffset At);

public static partial class TwoFactor
{
    public const string InvalidRecoveryCode = "The recovery code is not valid.";

    public static object[] Decide(UseRecoveryCode command, TwoFactorState state)
    {
        if (state.Status != TwoFactorStatus.Enabled)
            throw new RuleViolation("Two-factor authentication is not enabled.");
        // A used code gets the same answer as a wrong one.
        if (RecoveryCodes.Match(command.Code, state.RecoveryCodeHashes) is not { } index || state.UsedRecoveryCodes.Contains(index))
            throw new ValidationFailed("code", InvalidRecoveryCode);
        return [new RecoveryCodeUsed(state.AccountId, index, command.At.ToUniversalTime())];
    }
}
