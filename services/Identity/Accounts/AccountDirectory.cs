using Marten;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Accounts;

/// <summary>
/// Finds accounts across tenants for the anonymous parts of signing in, where no token names an organisation yet:
/// the email leads to a <see cref="SignInName"/>, which says whose tenant to open.
/// </summary>
public sealed class AccountDirectory(IDocumentStore store, IEnumerable<IAccountSource> sources)
{
    public async Task<SignInAccount?> FindByEmailAsync(string? email, CancellationToken cancellation = default)
    {
        var normalised = SignInName.Normalise(email);
        if (normalised.Length == 0)
            return null;
        await using var session = store.QuerySession();
        var name = await session.LoadAsync<SignInName>(normalised, cancellation);
        return name is null ? null : await FindAsync(name.AccountId, name.Kind, name.OrganisationId, cancellation);
    }

    public async Task<SignInAccount?> FindAsync(Guid accountId, AccountKind kind, Guid? organisationId, CancellationToken cancellation = default)
    {
        var source = sources.FirstOrDefault(s => s.Kind == kind);
        if (source is null)
            return null;
        await using var session = QuerySessionFor(organisationId);
        return await source.LoadAsync(session, accountId, cancellation);
    }

    /// <summary>The account's own tenant: its organisation, or the default tenant for guardians and operators.</summary>
    public IDocumentSession SessionFor(Guid? organisationId) =>
        organisationId is { } org ? store.LightweightSession(org.ToString()) : store.LightweightSession();

    public IQuerySession QuerySessionFor(Guid? organisationId) =>
        organisationId is { } org ? store.QuerySession(org.ToString()) : store.QuerySession();
}
