using Portal.ServiceDefaults.Documents.Pdf;
using Portal.ServiceDefaults.Documents;

namespace Portal.ServiceDefaults.Tests.Documents;

/// <summary>Line breaking measured with the embedded fonts' own advance widths.</summary>
public sealed class TextWrapTests
{
    static readonly PdfFont Body = new(DejaVuFonts.Sans, 10.5);

    [Fact]
    public void Lines_break_at_spaces_and_each_fits_the_width()
    {
        var text = string.Join(' ', Enumerable.Repeat("Łucja Şahin Ελένη", 12));

        var lines = TextWrap.Lines(text, Body, 200);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.InRange(Body.WidthOf(line), 1, 200));
        Assert.Equal(text, string.Join(' ', lines));
    }

    [Fact]
    public void An_overlong_address_is_cut_after_a_separator_and_nothing_is_lost()
    {
        const string url = "https://portal.example/identity/guardians/register?campaign=autumn-term-letters&school=northfield";

        var lines = TextWrap.Lines(url, Body, 150);

        Assert.True(lines.Count > 1);
        Assert.All(lines.Take(lines.Count - 1), line => Assert.Contains(line[^1], "/-.?&=_"));
        Assert.Equal(url, string.Concat(lines));
    }

    [Fact]
    public void A_word_of_characters_outside_the_basic_plane_is_never_cut_between_surrogates()
    {
        // U+1F634 is in DejaVu Sans and wider than the replacement mark a lone half would measure as, so without care
        // the longest prefix that fits often ends between the halves.
        var word = string.Concat(Enumerable.Repeat("\U0001F634", 150));

        foreach (var width in Enumerable.Range(40, 120))
        {
            var lines = TextWrap.Lines(word, Body, width);

            Assert.True(lines.Count > 1);
            Assert.All(lines, line => Assert.False(char.IsLowSurrogate(line[0]) || char.IsHighSurrogate(line[^1]), $"Split pair at width {width}."));
            Assert.Equal(word, string.Concat(lines));
        }
    }

    [Fact]
    public void A_line_narrower_than_one_character_still_takes_every_character_once()
    {
        const string text = "W\U0001F634 Ab";

        var lines = TextWrap.Lines(text, Body, 1);

        Assert.Equal(["W", "\U0001F634", "A", "b"], lines);
    }
}
