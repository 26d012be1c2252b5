using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Portal.Identity.Oidc.Persistence.SigningKeys;

namespace Portal.Identity.Tests.Oidc.Persistence;

public sealed class ServerSigningKeysTests(OidcServerHost server) : IClassFixture<OidcServerHost>
{
    [Fact]
    public async Task The_server_signs_with_the_ring_and_a_rotation_reaches_its_options_without_a_restart()
    {
        var ring = server.Services.GetRequiredService<SigningKeyRing>();
        var monitor = server.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>();
        var before = ring.Current.Kid;
        Assert.Equal(before, monitor.CurrentValue.SigningCredentials[0].Kid);

        await ring.RotateAsync(default);

        var options = monitor.CurrentValue;
        Assert.Equal(ring.Current.Kid, options.SigningCredentials[0].Kid);
        Assert.NotEqual(before, options.SigningCredentials[0].Kid);
        Assert.Contains(before, options.SigningCredentials.Select(c => c.Kid));
        Assert.Contains(before, options.TokenValidationParameters.IssuerSigningKeys.Select(k => k.KeyId));
    }
}
