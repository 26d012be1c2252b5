using Portal.Identity.Students.StartCards.Codes;

namespace Portal.Identity.Tests.StartCards;

public class SetupCodesTests
{
    [Fact]
    public void A_code_is_twelve_characters_without_look_alikes_in_groups_of_four()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => SetupCodes.New().Code).ToList();
        Assert.All(codes, code => Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code));
        Assert.All(codes, code => Assert.DoesNotContain(code, c => "01OILUV".Contains(c)));
        Assert.Equal(200, codes.Distinct().Count());
    }

    [Fact]
    public void The_hash_is_salted_and_holds_no_trace_of_the_code()
    {
        var (code, hash) = SetupCodes.New();
        var again = SetupCodes.Hash(code);
        Assert.NotEqual(hash, again);
        Assert.True(SetupCodes.Matches(code, hash) && SetupCodes.Matches(code, again));
        Assert.DoesNotContain(SetupCodes.Normalise(code), hash, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("hmac-sha256$", hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hmac-sha256$not-base64$x")]
    [InlineData("pbkdf2-sha256$1$AAAA$AAAA")]
    public void An_unreadable_stored_hash_matches_nothing(string? stored) =>
        Assert.False(SetupCodes.Matches("ABCD-EFGH-JKMN", stored));
}
