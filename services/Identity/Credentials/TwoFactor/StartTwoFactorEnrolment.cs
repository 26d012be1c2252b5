using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Credentials;

/// <summary>The endpoint makes the secret with <see cref="TotpCodes.NewSecret"/> and shows it with <see cref="TotpCodes.EnrolmentUri"/>.</summary>
public sealed record StartTwoFactorEnrolment(Guid AccountId, string Secret, DateTimeOffset At);

public static partial class TwoFactor
{
    public static object[] Decide(StartTwoFactorEnrolment command, TwoFactorState state)
    {
        if (state.Status == TwoFactorStatus.Enabled)
            throw new RuleViolation("Two-factor authentication is already enabled; disable it before enrolling again.");
        if (string.IsNullOrWhiteSpace(command.Secret))
            throw new ValidationFailed("secret", "A TOTP secret is required.");
        // Starting again while enrolling replaces the secret: the person may have lost the first QR code.
        return [new TwoFactorEnrolmentStarted(state.AccountId, command.Secret, command.At.ToUniversalTime())];
    }
}
