namespace Portal.Identity.Credentials;

public enum LoginMethod { Password, TokenExchange, ClientCredentials }

/// <summary>
/// A completed sign-in, for the login history: how, whether a second factor was used, and for a trust/LA member of
/// staff switched into a school, that school (they appear there as an external administrator).
/// </summary>
public sealed record LoginRecorded(
    Guid AccountId, DateTimeOffset At, LoginMethod Method, bool TwoFactor, bool ExternalAdministrator,
    IReadOnlyList<Guid> Institutions, string? ClientId);
