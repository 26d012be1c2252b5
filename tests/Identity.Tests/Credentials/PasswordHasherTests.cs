using Portal.Identity.Credentials;

namespace Portal.Identity.Tests.Credentials;

public class PasswordHasherTests
{
    // A small cost keeps these tests fast; the default is proven separately.
    readonly PasswordHasher hasher = new(iterations: 1_000);

    [Fact]
    public void The_default_cost_is_600000_iterations_as_owasp_advises()
    {
        var hasher = new PasswordHasher();
        Assert.Equal(600_000, hasher.Iterations);
        Assert.StartsWith("pbkdf2-sha256$600000$", hasher.Hash("a long passphrase"));
    }

    [Fact]
    public void A_hashed_password_verifies()
    {
        var hash = hasher.Hash("correct horse battery");
        Assert.True(hasher.Verify("correct horse battery", hash));
    }

    [Fact]
    public void A_hash_describes_its_scheme_cost_salt_and_key()
    {
        var parts = hasher.Hash("correct horse battery").Split('$');
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("1000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time() =>
        Assert.NotEqual(hasher.Hash("correct horse battery"), hasher.Hash("correct horse battery"));

    [Fact]
    public void A_wrong_password_is_refused() =>
        Assert.False(hasher.Verify("correct horse batterY", hasher.Hash("correct horse battery")));

    [Fact]
    public void A_hash_with_a_tampered_key_is_refused()
    {
        var parts = hasher.Hash("correct horse battery").Split('$');
        var key = Convert.FromBase64String(parts[3]);
        key[0] ^= 1;
        parts[3] = Convert.ToBase64String(key);
        Assert.False(hasher.Verify("correct horse battery", string.Join('$', parts)));
    }

    [Fact]
    public void A_hash_with_a_lowered_cost_is_refused()
    {
        var tampered = hasher.Hash("correct horse battery").Replace("$1000$", "$999$");
        Assert.False(hasher.Verify("correct horse battery", tampered));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("md5$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$-5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$not base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")]
    public void A_malformed_hash_is_refused_and_needs_rehash(string stored)
    {
        Assert.False(hasher.Verify("correct horse battery", stored));
        Assert.True(hasher.NeedsRehash(stored));
    }

    [Fact]
    public void A_hash_made_with_fewer_iterations_needs_rehash() =>
        Assert.True(new PasswordHasher(iterations: 2_000).NeedsRehash(hasher.Hash("correct horse battery")));

    [Fact]
    public void A_hash_made_with_current_or_more_iterations_does_not_need_rehash()
    {
        var hash = new PasswordHasher(iterations: 2_000).Hash("correct horse battery");
        Assert.False(new PasswordHasher(iterations: 2_000).NeedsRehash(hash));
        Assert.False(hasher.NeedsRehash(hash));
    }
}
