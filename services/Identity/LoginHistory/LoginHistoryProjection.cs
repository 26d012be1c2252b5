using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Staff;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.LoginHistory;

/// <summary>
/// Inline, so a sign-in and its history entry commit together. The operations belong to the event's tenant (the
/// account's), which is where the entry, and the account it names, live.
/// </summary>
public sealed partial class LoginHistoryProjection : EventProjection
{
    public async Task Project(IEvent<LoginRecorded> e, IDocumentOperations operations)
    {
        var login = e.Data;
        var (kind, name) = await DescribeAsync(operations, login.AccountId);
        operations.Store(new LoginHistoryEntry(
            e.Id, login.AccountId, kind, name, login.At, login.Method, login.TwoFactor, login.ExternalAdministrator,
            login.Institutions, login.ClientId));
    }

    /// <summary>
    /// Two key lookups: the sign-in name says the kind (it is single-tenanted), a staff account its name. Guardians' and
    /// operators' entries stay in the default tenant, which no organisation's history reads, so they get no name.
    /// </summary>
    static async Task<(AccountKind Kind, string? Name)> DescribeAsync(IQuerySession session, Guid accountId)
    {
        var signInName = await session.Query<SignInName>().FirstOrDefaultAsync(n => n.AccountId == accountId);
        return signInName?.Kind switch
        {
            AccountKind.Staff => (AccountKind.Staff,
                await session.LoadAsync<StaffAccountState>(accountId) is { } staff ? $"{staff.GivenName} {staff.FamilyName}" : null),
            { } other => (other, null),
            null => (AccountKind.Unknown, null),
        };
    }
}
