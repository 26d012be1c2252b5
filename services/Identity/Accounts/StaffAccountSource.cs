using Marten;
using Portal.Identity.Staff;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Accounts;

public sealed class StaffAccountSource : IAccountSource
{
    public AccountKind Kind => AccountKind.Staff;

    public async Task<SignInAccount?> LoadAsync(IQuerySession session, Guid accountId, CancellationToken cancellation)
    {
        var staff = await session.LoadAsync<StaffAccountState>(accountId, cancellation);
        return staff is null ? null : new SignInAccount(
            staff.Id, AccountKind.Staff, staff.OrganisationId, staff.Email, $"{staff.GivenName} {staff.FamilyName}", staff.Active,
            staff.Type, staff.Institutions, staff.Roles.SelectMany(r => r.Permissions).Distinct().ToList());
    }
}
