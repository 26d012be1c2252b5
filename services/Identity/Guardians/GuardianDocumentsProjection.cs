using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Portal.Identity.Accounts;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Guardians;

/// <summary>Which guardian a verification link belongs to, found by the hash of its token.</summary>
public sealed record GuardianVerificationLink(string Id, Guid AccountId);

/// <summary>
/// Inline, so registering, taking the sign-in name and recording the link commit together: a second registration
/// racing for the same email fails on the sign-in name's primary key and saves nothing.
/// </summary>
public sealed partial class GuardianDocumentsProjection : EventProjection
{
    public async Task Project(IEvent<GuardianRegistered> e, IDocumentOperations operations)
    {
        await SignInNamesProjection.EnsureFree(operations, e.Data.Email, e.Data.AccountId);
        operations.Insert(new SignInName(e.Data.Email, e.Data.AccountId, AccountKind.Guardian, OrganisationId: null));
    }

    public void Project(IEvent<GuardianVerificationLinkIssued> e, IDocumentOperations operations) =>
        operations.Store(new GuardianVerificationLink(e.Data.TokenHash, e.Data.AccountId));
}
