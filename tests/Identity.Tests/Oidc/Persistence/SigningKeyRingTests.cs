using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portal.Identity.Oidc.Persistence.SigningKeys;

namespace Portal.Identity.Tests.Oidc.Persistence;

public sealed class SigningKeyRingTests(OidcMartenHost marten) : IClassFixture<OidcMartenHost>, IAsyncLifetime
{
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => marten.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(OidcSigningKey));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_first_load_creates_a_key_that_another_ring_on_the_same_database_loads()
    {
        var first = await Ring().LoadAsync(default);
        var second = await Ring().LoadAsync(default);

        Assert.Equal(first.Single().Kid, second.Single().Kid);
        Assert.Equal(SecurityAlgorithms.RsaSha256, second[0].Algorithm);
        Assert.Equal(1, await CountKeys());
    }

    [Fact]
    public async Task Replicas_starting_together_create_only_one_key()
    {
        var loaded = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Ring().LoadAsync(default))));

        Assert.Equal(1, await CountKeys());
        Assert.Single(loaded.Select(keys => keys.Single().Kid).Distinct());
    }

    [Fact]
    public async Task Rotation_signs_with_the_new_key_and_keeps_publishing_the_old_one()
    {
        var ring = Ring();
        await ring.LoadAsync(default);
        var oldKid = ring.Current.Kid;
        var signedBefore = Sign(ring.Current);

        await ring.RotateAsync(default);

        Assert.NotEqual(oldKid, ring.Current.Kid);
        Assert.Equal([ring.Current.Kid, oldKid], ring.SigningCredentials.Select(c => c.Kid));
        Assert.True((await Validate(signedBefore, ring.PublishedKeys)).IsValid);
        Assert.True((await Validate(Sign(ring.Current), ring.PublishedKeys)).IsValid);
        var elsewhere = Ring();
        await elsewhere.LoadAsync(default);
        Assert.Equal(ring.SigningCredentials.Select(c => c.Kid), elsewhere.SigningCredentials.Select(c => c.Kid));
    }

    [Fact]
    public async Task A_retired_key_is_dropped_once_the_retention_period_has_passed()
    {
        var ring = Ring();
        await ring.LoadAsync(default);
        var signedBefore = Sign(ring.Current);
        await ring.RotateAsync(default);

        clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(2, (await ring.LoadAsync(default)).Count);
        clock.Advance(TimeSpan.FromDays(2));
        var left = await ring.LoadAsync(default);

        Assert.Equal(ring.Current.Kid, Assert.Single(left).Kid);
        Assert.Equal(1, await CountKeys());
        Assert.False((await Validate(signedBefore, ring.PublishedKeys)).IsValid);
    }

    [Fact]
    public async Task A_change_token_fires_when_rotation_changes_the_keys()
    {
        var ring = Ring();
        await ring.LoadAsync(default);
        var token = ring.GetChangeToken();
        await ring.LoadAsync(default);
        Assert.False(token.HasChanged);

        await ring.RotateAsync(default);

        Assert.True(token.HasChanged);
    }

    [Fact]
    public async Task The_private_key_is_stored_sealed_and_opens_only_with_the_same_key_encryption_key()
    {
        var ring = Ring();
        await ring.LoadAsync(default);

        await using var session = marten.Store.QuerySession();
        var json = (await session.Json.FindByIdAsync<OidcSigningKey>(ring.Current.Kid))!;
        Assert.DoesNotContain("PRIVATE KEY", json);
        Assert.DoesNotContain("MII", json);
        var other = new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32));
        await Assert.ThrowsAsync<CryptographicException>(() => Ring(other).LoadAsync(default));
    }

    [Fact]
    public void Without_a_configured_key_encryption_key_only_development_falls_back_to_the_local_default()
    {
        var empty = new ConfigurationBuilder().Build();

        Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.FromConfiguration(empty, Environment("Production")));
        var development = KeyEncryptionKey.FromConfiguration(empty, Environment("Development"));
        var local = new KeyEncryptionKey(Convert.FromBase64String(KeyEncryptionKey.LocalDevelopmentDefault));
        Assert.Equal("secret", local.Open(development.Seal("secret", "kid"), "kid"));
    }

    private SigningKeyRing Ring(KeyEncryptionKey? encryption = null) => new(
        marten.Store, encryption ?? new KeyEncryptionKey(Convert.FromBase64String(OidcMartenHost.TestKeyEncryptionKey)),
        Options.Create(new SigningKeyOptions()), clock, NullLogger<SigningKeyRing>.Instance);

    private async Task<int> CountKeys()
    {
        await using var session = marten.Store.QuerySession();
        return await session.Query<OidcSigningKey>().CountAsync();
    }

    private static string Sign(SigningCredentials credentials) => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor { Issuer = "https://identity.test", Audience = "portal", SigningCredentials = credentials });

    private static Task<TokenValidationResult> Validate(string token, IEnumerable<SecurityKey> keys) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "https://identity.test", ValidAudience = "portal", IssuerSigningKeys = keys
        });

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
