using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Portal.Identity.Staff;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Accounts;

/// <summary>
/// Keeps <see cref="SignInName"/> in step with the accounts, inline, so registering an account and taking its email
/// commit together whichever endpoint (single, bulk import) registered it. Two saves racing for one email: the
/// second insert hits the primary key and its whole save fails.
/// </summary>
public sealed partial class SignInNamesProjection : EventProjection
{
    public async Task Project(IEvent<StaffAccountRegistered> e, IDocumentOperations operations)
    {
        await EnsureFree(operations, e.Data.Email, e.Data.AccountId);
        operations.Insert(new SignInName(e.Data.Email, e.Data.AccountId, AccountKind.Staff, e.Data.OrganisationId));
    }

    public async Task Project(IEvent<StaffAccountEdited> e, IDocumentOperations operations)
    {
        if (!await EnsureFree(operations, e.Data.Email, e.Data.AccountId))
            return; // the email is unchanged
        operations.DeleteWhere<SignInName>(n => n.AccountId == e.Data.AccountId);
        operations.Insert(new SignInName(e.Data.Email, e.Data.AccountId, AccountKind.Staff, Guid.Parse(e.TenantId)));
    }

    /// <returns>False when the account already holds the email.</returns>
    public static async Task<bool> EnsureFree(IQuerySession session, string email, Guid accountId)
    {
        var holder = await session.LoadAsync<SignInName>(email);
        if (holder is null)
            return true;
        if (holder.AccountId == accountId)
            return false;
        throw Taken(email);
    }

    public static RuleViolation Taken(string email) =>
        new($"The email '{email}' is already used to sign in to another account.");

    /// <summary>The primary key refused a second holder of an email that was free when checked.</summary>
    public static bool IsTakenViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } p
                && p.TableName?.Contains("signinname", StringComparison.OrdinalIgnoreCase) == true)
                return true;
        return false;
    }
}
