using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Credentials;

/// <summary>
/// The endpoint makes the recovery codes with <see cref="RecoveryCodes.Generate"/>, passes their hashes here and
/// shows the plain codes once, only after this succeeds.
/// </summary>
public sealed record ConfirmTwoFactorEnrolment(Guid AccountId, string Code, IReadOnlyList<string> RecoveryCodeHashes, DateTimeOffset At);

public static partial class TwoFactor
{
    public const string InvalidCode = "The code is not valid.";

    public static object[] Decide(ConfirmTwoFactorEnrolment command, TwoFactorState state)
    {
        if (state.Status != TwoFactorStatus.Enrolling || state.Secret is null)
            throw new RuleViolation("Two-factor enrolment has not been started.");
        if (command.RecoveryCodeHashes.Count != RecoveryCodes.Count)
            throw new ValidationFailed("recoveryCodes", $"Exactly {RecoveryCodes.Count} recovery codes are required.");
        var at = command.At.ToUniversalTime();
        var step = AcceptableStep(state, state.Secret, command.Code, at);
        // The confirming code counts as used, so it cannot be replayed at the first sign-in.
        return
        [
            new TwoFactorEnabled(state.AccountId, command.RecoveryCodeHashes, at),
            new TotpCodeAccepted(state.AccountId, step, at),
        ];
    }

    /// <summary>RFC 6238 §5.2: a code is accepted once, and nothing at or before the last accepted step is accepted.</summary>
    static long AcceptableStep(TwoFactorState state, string secret, string code, DateTimeOffset at) =>
        TotpCodes.MatchingStep(secret, code, at) is { } step && step > state.LastAcceptedStep
            ? step
            : throw new ValidationFailed("code", InvalidCode);
}
