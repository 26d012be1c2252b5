using Marten;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Accounts;

/// <summary>An account as signing in and issuing tokens see it, whatever its kind.</summary>
public sealed record SignInAccount(
    Guid AccountId,
    AccountKind Kind,
    Guid? OrganisationId,
    string Email,
    string DisplayName,
    bool Active,
    StaffType? StaffType = null,
    IReadOnlyList<Guid>? Institutions = null,
    IReadOnlyList<string>? Permissions = null)
{
    public IReadOnlyList<Guid> InstitutionIds => Institutions ?? [];

    public bool Holds(string permission) => Permissions?.Contains(permission) == true;
}

/// <summary>Loads one kind of account for sign-in; each account feature (staff, guardians, operators) registers one.</summary>
public interface IAccountSource
{
    AccountKind Kind { get; }

    /// <param name="session">A session of the account's tenant (its organisation, or the default tenant).</param>
    Task<SignInAccount?> LoadAsync(IQuerySession session, Guid accountId, CancellationToken cancellation);
}
