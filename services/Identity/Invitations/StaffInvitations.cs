using Marten;
using Portal.Identity.Mail;
using Portal.Identity.Staff;

namespace Portal.Identity.Invitations;

/// <summary>
/// Issues an invitation and mails its link. The event is saved before the mail goes, so a link in a mail always
/// works; if sending fails the invitation exists without a mail, and an administrator re-issues it.
/// </summary>
public sealed class StaffInvitations(IMailSender sender, PublicLinks links, TimeProvider clock)
{
    public const string SetupPath = "/account/setup";
    public const string Subject = "Set up your Portal account";

    /// <param name="session">A session of the account's organisation.</param>
    /// <returns>When the new link expires, or null when <paramref name="cause"/> was already handled.</returns>
    public async Task<DateTimeOffset?> IssueAsync(IDocumentSession session, StaffAccountState account, Guid cause, CancellationToken cancellation)
    {
        var (token, tokenHash) = OneTimeTokens.New();
        var stream = await session.Events.FetchForWriting<StaffInvitationState>(StaffInvitationState.StreamId(account.Id), cancellation);
        var events = StaffInvitation.Decide(
            new IssueStaffInvitation(account.Id, account.OrganisationId, tokenHash, cause, clock.GetUtcNow()), stream.Aggregate);
        if (events.Length == 0)
            return null;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellation);

        await sender.SendAsync(new OutgoingMail(account.Email, Subject, $"""
            Hello {account.GivenName},

            A Portal account has been set up for you. To choose your password, open this link:

            {links.To(SetupPath, token)}

            The link works once and expires in 7 days. If it expires, ask your administrator to send a new invitation.
            """), cancellation);
        return events.OfType<StaffInvitationIssued>().Single().ExpiresAt;
    }
}
