using Marten;
using Portal.Identity.Accounts;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.SignIn;

/// <summary>Whether an account must pass a second factor because of its organisation's policy (its own enrolment aside).</summary>
public sealed class TwoFactorRequirement(AccountDirectory directory)
{
    public async Task<bool> AppliesToAsync(SignInAccount account, CancellationToken cancellation)
    {
        if (account is not { Kind: AccountKind.Staff, OrganisationId: { } org })
            return false;
        await using var session = directory.QuerySessionFor(org);
        var policy = await session.LoadAsync<TwoFactorPolicyState>(org, cancellation);
        return policy?.Requires(account.InstitutionIds) == true;
    }
}
