using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.LoginHistory;

/// <summary>
/// One completed sign-in as the login history shows it; the id is the <see cref="LoginRecorded"/> event's. It lives
/// in the account's tenant, so an organisation's queries see only its own people, trust staff who switched into one
/// of its schools included (<see cref="ExternalAdministrator"/>). The name is the one the account had at the time.
/// </summary>
public sealed record LoginHistoryEntry(
    Guid Id,
    Guid AccountId,
    AccountKind AccountKind,
    string? DisplayName,
    DateTimeOffset At,
    LoginMethod Method,
    bool TwoFactor,
    bool ExternalAdministrator,
    IReadOnlyList<Guid> Institutions,
    string? ClientId);
