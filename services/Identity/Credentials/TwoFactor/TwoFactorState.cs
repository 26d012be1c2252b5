namespace Portal.Identity.Credentials;

public sealed record TwoFactorEnrolmentStarted(
    Guid AccountId, [property: System.Text.Json.Serialization.JsonConverter(typeof(SealedSecretConverter))] string Secret, DateTimeOffset At);

public sealed record TwoFactorEnabled(Guid AccountId, IReadOnlyList<string> RecoveryCodeHashes, DateTimeOffset At);

public sealed record TotpCodeAccepted(Guid AccountId, long Step, DateTimeOffset At);

public sealed record RecoveryCodeUsed(Guid AccountId, int Index, DateTimeOffset At);

public sealed record TwoFactorDisabled(Guid AccountId, DateTimeOffset At);

public enum TwoFactorStatus { NotEnrolled, Enrolling, Enabled }

/// <summary>
/// An account's TOTP second factor. <see cref="LastAcceptedStep"/> survives re-enrolment and disabling on purpose:
/// time steps only move forward, and keeping it means no code seen before can ever be accepted again.
/// Marten live-aggregates this record through the public Create/Apply methods.
/// </summary>
public sealed record TwoFactorState(
    Guid AccountId,
    TwoFactorStatus Status,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(SealedSecretConverter))] string? Secret,
    IReadOnlyList<string> RecoveryCodeHashes,
    IReadOnlyList<int> UsedRecoveryCodes,
    long LastAcceptedStep)
{
    public static TwoFactorState NotEnrolled(Guid accountId) => new(accountId, TwoFactorStatus.NotEnrolled, null, [], [], -1);

    public static TwoFactorState Create(TwoFactorEnrolmentStarted e) => NotEnrolled(e.AccountId).Apply(e);

    public TwoFactorState Apply(TwoFactorEnrolmentStarted e) =>
        this with { Status = TwoFactorStatus.Enrolling, Secret = e.Secret, RecoveryCodeHashes = [], UsedRecoveryCodes = [] };

    public TwoFactorState Apply(TwoFactorEnabled e) =>
        this with { Status = TwoFactorStatus.Enabled, RecoveryCodeHashes = e.RecoveryCodeHashes, UsedRecoveryCodes = [] };

    public TwoFactorState Apply(TotpCodeAccepted e) => this with { LastAcceptedStep = Math.Max(LastAcceptedStep, e.Step) };

    public TwoFactorState Apply(RecoveryCodeUsed e) => this with { UsedRecoveryCodes = [.. UsedRecoveryCodes, e.Index] };

    public TwoFactorState Apply(TwoFactorDisabled e) =>
        this with { Status = TwoFactorStatus.NotEnrolled, Secret = null, RecoveryCodeHashes = [], UsedRecoveryCodes = [] };
}
