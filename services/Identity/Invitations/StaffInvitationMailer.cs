using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Portal.Identity.Credentials;
using Portal.Identity.Staff;

namespace Portal.Identity.Invitations;

/// <summary>
/// Invites every newly registered member of staff, however they were registered (one by one, bulk import), from the
/// committed <see cref="StaffAccountRegistered"/> event in the async daemon. Idempotent per event: the invitation
/// remembers the event that caused it, so a replay issues and mails nothing. An account that already has a password
/// needs no invitation.
/// </summary>
public sealed class StaffInvitationMailer : SubscriptionBase
{
    readonly IServiceProvider services;

    public StaffInvitationMailer(IServiceProvider services)
    {
        this.services = services;
        Name = "StaffInvitations";
        IncludeType<StaffAccountRegistered>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellation)
    {
        var invitations = services.GetRequiredService<StaffInvitations>();
        var logger = services.GetRequiredService<ILogger<StaffInvitationMailer>>();
        foreach (var e in page.Events)
        {
            if (e.Data is not StaffAccountRegistered registered)
                continue;
            // Our own session, not the handed operations: the invitation's events must commit before its mail is sent.
            await using var session = operations.DocumentStore.LightweightSession(e.TenantId);
            var account = await session.LoadAsync<StaffAccountState>(registered.AccountId, cancellation);
            var credentials = await session.LoadAsync<CredentialsState>(CredentialsState.StreamId(registered.AccountId), cancellation);
            if (account is null || credentials?.PasswordHash is not null)
                continue;
            try
            {
                await invitations.IssueAsync(session, account, e.Id, cancellation);
            }
            catch (Exception x) when (x is not OperationCanceledException)
            {
                // One bad send must not stall every later invitation; an administrator can re-issue this one.
                logger.LogWarning(x, "Could not invite staff account {AccountId}; it can be re-issued from POST /staff/{{id}}/invitation", registered.AccountId);
            }
        }
        return NullChangeListener.Instance;
    }
}
