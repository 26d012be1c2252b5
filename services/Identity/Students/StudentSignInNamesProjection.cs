using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Portal.Identity.Accounts;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Students;

/// <summary>
/// A student's username is a <see cref="SignInName"/> while their login is enabled, so the login page finds them and
/// no staff member or guardian can take it. Disabling releases it. Inline: the name moves in the decision's
/// transaction, and a name taken meanwhile fails that transaction (the consumer retries and then withholds).
/// </summary>
public sealed partial class StudentSignInNamesProjection : EventProjection
{
    public void Project(IEvent<StudentLoginEnabled> e, IDocumentOperations operations) =>
        operations.Insert(new SignInName(e.Data.Username, e.Data.StudentId, AccountKind.Student, e.Data.OrganisationId));

    public void Project(IEvent<StudentUsernameChanged> e, IDocumentOperations operations)
    {
        Release(operations, e.Data.StudentId);
        operations.Insert(new SignInName(e.Data.Username, e.Data.StudentId, AccountKind.Student, e.Data.OrganisationId));
    }

    public void Project(IEvent<StudentLoginDisabled> e, IDocumentOperations operations) => Release(operations, e.Data.StudentId);

    static void Release(IDocumentOperations operations, Guid studentId) =>
        operations.DeleteWhere<SignInName>(n => n.AccountId == studentId && n.Kind == AccountKind.Student);
}
