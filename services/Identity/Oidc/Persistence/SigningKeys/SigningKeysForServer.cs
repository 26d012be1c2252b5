using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace Portal.Identity.Oidc.Persistence.SigningKeys;

/// <summary>
/// Puts the ring's keys into OpenIddict's server options, and tells the options monitor to rebuild them when
/// the ring changes: OpenIddict reads <see cref="IOptionsMonitor{T}.CurrentValue"/> per request, so a rotation
/// takes effect without a restart.
/// </summary>
public sealed class SigningKeysForServer(SigningKeyRing ring)
    : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string Name => Options.DefaultName;

    public void Configure(OpenIddictServerOptions options)
    {
        // OpenIddict sorts the credentials, but ranks two RSA keys equal, and its sort is stable for lists this short,
        // so the current key stays first and signs.
        foreach (var credentials in ring.SigningCredentials)
            options.SigningCredentials.Add(credentials);
    }

    public IChangeToken GetChangeToken() => ring.GetChangeToken();
}
