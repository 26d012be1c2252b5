using Portal.Identity.Accounts;
using Portal.Identity.Institutions;
using Portal.Identity.Staff;

namespace Portal.Identity.Oidc;

/// <summary>A trust/LA profile's effective schools today: its associations read against Institution's schools and clusters.</summary>
public sealed class AssociatedSchools(AccountDirectory directory) : IAssociatedSchools
{
    public async Task<IReadOnlyCollection<Guid>> OfAsync(SignInAccount account, CancellationToken cancellation)
    {
        await using var session = directory.QuerySessionFor(account.OrganisationId);
        var associations = await AssociationStreams.LoadAsync(session, account.AccountId, cancellation);
        var institutions = await InstitutionDirectory.LoadAsync(session, cancellation);
        return EffectiveInstitutions.Compute(associations, institutions.ClusterMembership(), institutions.Schools.Keys.ToList())
            .Select(e => e.SchoolId).ToHashSet();
    }
}
