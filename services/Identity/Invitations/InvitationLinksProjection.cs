using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Portal.Identity.Invitations;

/// <summary>
/// Which account and organisation an invitation link belongs to, by the hash of its token. Single-tenanted: the
/// person opening the link has no token yet to name their organisation. Old links stay, so the decider can say a link
/// was replaced rather than unknown.
/// </summary>
public sealed record InvitationLink(string Id, Guid AccountId, Guid OrganisationId);

public sealed partial class InvitationLinksProjection : EventProjection
{
    public void Project(IEvent<StaffInvitationIssued> e, IDocumentOperations operations) =>
        operations.Store(new InvitationLink(e.Data.TokenHash, e.Data.AccountId, e.Data.OrganisationId));
}
