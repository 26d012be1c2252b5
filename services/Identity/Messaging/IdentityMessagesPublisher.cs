using JasperFx.Events;
using Marten;
using MassTransit;
using Portal.Identity.Guardians;
using Portal.Identity.Staff;
using Portal.Identity.Students;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Security;
using Contracts = Portal.Identity.Contracts;

namespace Portal.Identity.Messaging;

/// <summary>Turns committed Identity events into the messages other services consume (DESIGN §2).</summary>
public sealed class IdentityMessagesPublisher(IBus bus) : IntegrationEventPublisher(bus)
{
    protected override async ValueTask<object?> ToMessage(IEvent e, IDocumentOperations operations, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case StaffAccountRegistered or StaffAccountEdited or StaffAccountActivated or StaffAccountDeactivated or StaffTypeChanged:
                var account = await AsOf<StaffAccountState>(operations, e, cancellation);
                return new Contracts.StaffAccountChanged(account.OrganisationId, account.Id, account.Email, account.GivenName,
                    account.FamilyName, ClaimValues.Of(account.Type), account.Institutions, account.Active, e.Version, e.Timestamp);
            case GuardianRegistered or GuardianEmailVerified:
                var guardian = await AsOf<GuardianAccountState>(operations, e, cancellation);
                return new Contracts.GuardianAccountChanged(guardian.Id, guardian.Email, guardian.GivenName, guardian.FamilyName,
                    guardian.EmailVerified, e.Version, e.Timestamp);
            case StudentLoginEnabled enabled:
                return new Contracts.StudentLoginEnabled(enabled.OrganisationId, enabled.StudentId, enabled.SchoolId, enabled.Username,
                    e.Version, enabled.At);
            // Still enabled, now in another school or under another username: the same message, so consumers that count
            // enabled logins per school (Billing) follow the student without knowing Identity's finer events.
            case StudentLoginMoved or StudentUsernameChanged:
                var login = await AsOf<StudentLoginState>(operations, e, cancellation);
                return login is { Enabled: true, Username: { } username }
                    ? new Contracts.StudentLoginEnabled(login.OrganisationId, login.Id, login.SchoolId, username, e.Version, e.Timestamp)
                    : null;
            case StudentLoginDisabled disabled:
                return new Contracts.StudentLoginDisabled(disabled.OrganisationId, disabled.StudentId, disabled.SchoolId, disabled.Reason,
                    e.Version, disabled.At);
            default:
                return null;
        }
    }
}
