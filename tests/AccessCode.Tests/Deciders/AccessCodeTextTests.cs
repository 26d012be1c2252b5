using Portal.AccessCode.Codes;

namespace Portal.AccessCode.Tests.Deciders;

public sealed class AccessCodeTextTests
{
    [Fact]
    public void A_code_is_three_groups_of_four_unambiguous_symbols()
    {
        var code = AccessCodeText.NewCode();

        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$", code);
        Assert.DoesNotContain(AccessCodeText.Alphabet, c => "01OILUV".Contains(c));
    }

    [Fact]
    public void Codes_carry_at_least_fifty_bits_of_entropy() => Assert.True(AccessCodeText.EntropyBits >= 50, $"{AccessCodeText.EntropyBits} bits");

    [Fact]
    public void Codes_do_not_repeat_and_use_the_whole_alphabet()
    {
        var codes = Enumerable.Range(0, 2_000).Select(_ => AccessCodeText.NewCode()).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(AccessCodeText.Alphabet.Order(), codes.SelectMany(c => c.Replace("-", "")).Distinct().Order());
    }

    [Theory]
    [InlineData("k7qm-2xpd-9htr", "K7QM2XPD9HTR")]
    [InlineData(" K7QM 2XPD 9HTR ", "K7QM2XPD9HTR")]
    [InlineData("K7QM2XPD9HTR", "K7QM2XPD9HTR")]
    public void Entry_is_case_insensitive_and_ignores_spaces_and_dashes(string entered, string normalised) =>
        Assert.Equal(normalised, AccessCodeText.Normalise(entered));

    [Theory]
    [InlineData("")]
    [InlineData("K7QM-2XPD")]
    [InlineData("K7QM-2XPD-9HTR-A")]
    [InlineData("K7QM-2XPD-9HT0")]
    [InlineData("K7QM-2XPD-9HT!")]
    public void What_cannot_be_a_code_normalises_to_nothing(string entered) => Assert.Null(AccessCodeText.Normalise(entered));

    [Fact]
    public void The_printed_form_groups_a_normalised_code() => Assert.Equal("K7QM-2XPD-9HTR", AccessCodeText.Printed("K7QM2XPD9HTR"));

    [Fact]
    public void The_lookup_hash_depends_on_the_key_and_is_stable()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var other = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        Assert.Equal(new AccessCodeLookup(key).HashOf("K7QM2XPD9HTR"), new AccessCodeLookup(key).HashOf("K7QM2XPD9HTR"));
        Assert.NotEqual(new AccessCodeLookup(key).HashOf("K7QM2XPD9HTR"), new AccessCodeLookup(other).HashOf("K7QM2XPD9HTR"));
        Assert.Throws<ArgumentException>(() => new AccessCodeLookup(new byte[16]));
    }
}
