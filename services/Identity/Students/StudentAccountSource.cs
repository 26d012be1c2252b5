using Marten;
using Portal.Identity.Accounts;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Students;

/// <summary>
/// A student signs in as kind student in their organisation and school. Only an enabled login is active; a student
/// without a password (none is set until their start card is used) is refused like any wrong password.
/// </summary>
public sealed class StudentAccountSource : IAccountSource
{
    public AccountKind Kind => AccountKind.Student;

    public async Task<SignInAccount?> LoadAsync(IQuerySession session, Guid accountId, CancellationToken cancellation)
    {
        var login = await session.LoadAsync<StudentLoginState>(accountId, cancellation);
        if (login?.Username is not { } username)
            return null;
        var student = await session.LoadAsync<RosteredStudent>(accountId, cancellation);
        return new SignInAccount(login.Id, AccountKind.Student, login.OrganisationId, username,
            student?.DisplayName is { Length: > 0 } name ? name : username, login.Enabled, Institutions: [login.SchoolId]);
    }
}
