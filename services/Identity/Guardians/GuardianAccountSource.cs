using Marten;
using Portal.Identity.Accounts;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Guardians;

/// <summary>A guardian may sign in once their email is verified: until then the account exists but is not active.</summary>
public sealed class GuardianAccountSource : IAccountSource
{
    public AccountKind Kind => AccountKind.Guardian;

    public async Task<SignInAccount?> LoadAsync(IQuerySession session, Guid accountId, CancellationToken cancellation)
    {
        var guardian = await session.LoadAsync<GuardianAccountState>(accountId, cancellation);
        return guardian is null ? null
            : new SignInAccount(guardian.Id, AccountKind.Guardian, OrganisationId: null, guardian.Email, guardian.DisplayName, guardian.EmailVerified);
    }
}
