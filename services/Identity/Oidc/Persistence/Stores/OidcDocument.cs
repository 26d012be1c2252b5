using Marten.Schema;

namespace Portal.Identity.Oidc.Persistence.Stores;

/// <summary>
/// What every OpenIddict entity stored here shares. <see cref="Version"/> is Marten's optimistic concurrency
/// version and serves as OpenIddict's concurrency token: an update or delete whose version is stale fails.
/// </summary>
public abstract class OidcDocument
{
    public Guid Id { get; set; }

    [Version]
    public Guid Version { get; set; }
}
