using System.Security.Cryptography;

namespace Portal.Identity.Credentials;

/// <summary>A new password hash; <see cref="CredentialsState.PasswordVersion"/> counts them, and refresh tokens die with the version they were issued under.</summary>
public sealed record PasswordSet(Guid AccountId, string Hash, DateTimeOffset At);

/// <summary>
/// Everything an account signs in with, in one stream per account (<see cref="StreamId"/>): the password, the
/// attempts against it, and the second factor. The sign-in and 2FA deciders each get their part.
/// Marten keeps it as an inline snapshot through the public Create/Apply methods.
/// </summary>
public sealed record CredentialsState(
    Guid Id, Guid AccountId, string? PasswordHash, int PasswordVersion, SignInAttemptsState Attempts, TwoFactorState TwoFactor)
{
    public static CredentialsState Initial(Guid accountId) => new(
        StreamId(accountId), accountId, null, 0, SignInAttemptsState.Initial(accountId), TwoFactorState.NotEnrolled(accountId));

    /// <summary>
    /// The credentials stream of an account: derived from, but not equal to, the account id, because the account's
    /// own stream (staff, guardian, operator) already has that id.
    /// </summary>
    public static Guid StreamId(Guid accountId)
    {
        Span<byte> input = stackalloc byte[16 + 12];
        "credentials:"u8.CopyTo(input);
        accountId.TryWriteBytes(input[12..]);
        var hash = SHA256.HashData(input);
        return new Guid(hash.AsSpan(0, 16));
    }

    public static CredentialsState Create(PasswordSet e) => Initial(e.AccountId).Apply(e);
    public static CredentialsState Create(SignInFailed e) => Initial(e.AccountId).Apply(e);
    public static CredentialsState Create(SignInSucceeded e) => Initial(e.AccountId).Apply(e);
    public static CredentialsState Create(TwoFactorEnrolmentStarted e) => Initial(e.AccountId).Apply(e);

    public CredentialsState Apply(PasswordSet e) => this with { PasswordHash = e.Hash, PasswordVersion = PasswordVersion + 1 };

    public CredentialsState Apply(SignInFailed e) => this with { Attempts = Attempts.Apply(e) };
    public CredentialsState Apply(SignInSucceeded e) => this with { Attempts = Attempts.Apply(e) };
    public CredentialsState Apply(AccountLockedOut e) => this with { Attempts = Attempts.Apply(e) };

    public CredentialsState Apply(TwoFactorEnrolmentStarted e) => this with { TwoFactor = TwoFactor.Apply(e) };
    public CredentialsState Apply(TwoFactorEnabled e) => this with { TwoFactor = TwoFactor.Apply(e) };
    public CredentialsState Apply(TotpCodeAccepted e) => this with { TwoFactor = TwoFactor.Apply(e) };
    public CredentialsState Apply(RecoveryCodeUsed e) => this with { TwoFactor = TwoFactor.Apply(e) };
    public CredentialsState Apply(TwoFactorDisabled e) => this with { TwoFactor = TwoFactor.Apply(e) };

    public CredentialsState Apply(LoginRecorded e) => this;

    /// <summary>
    /// The Apply above for an event of any type: how a write brings its state up to date without reading it back.
    /// (Not named Evolve: Marten's generator would take it for the aggregate's own.)
    /// </summary>
    public static CredentialsState Applied(CredentialsState state, object e) => e switch
    {
        PasswordSet x => state.Apply(x),
        SignInFailed x => state.Apply(x),
        SignInSucceeded x => state.Apply(x),
        AccountLockedOut x => state.Apply(x),
        TwoFactorEnrolmentStarted x => state.Apply(x),
        TwoFactorEnabled x => state.Apply(x),
        TotpCodeAccepted x => state.Apply(x),
        RecoveryCodeUsed x => state.Apply(x),
        TwoFactorDisabled x => state.Apply(x),
        LoginRecorded x => state.Apply(x),
        _ => throw new ArgumentException($"Credentials have no {e.GetType().Name} event.", nameof(e)),
    };
}
