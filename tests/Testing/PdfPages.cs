using System.Net;
using Xunit;
using UglyToad.PdfPig;

namespace Portal.Testing;

/// <summary>
/// A produced PDF read back with PdfPig: each page's size, its text with all white space removed (lines wrap) and the
/// horizontal extent of its printed characters.
/// </summary>
public sealed record PdfPages(IReadOnlyList<PdfPage> Pages)
{
    public static PdfPages Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return new PdfPages(document.GetPages().Select(p =>
        {
            var printed = p.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            return new PdfPage(p.Width, p.Height, Compact(p.Text),
                printed.Min(l => l.BoundingBox.Left), printed.Max(l => l.BoundingBox.Right));
        }).ToList());
    }

    public static async Task<PdfPages> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Expected 200 OK but got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return Read(bytes);
    }

    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

public sealed record PdfPage(double Width, double Height, string CompactText, double LeftmostInk, double RightmostInk)
{
    /// <summary>Every character lies within the page's side margins.</summary>
    public void ShouldKeepWithinMargins(double margin)
    {
        Assert.True(LeftmostInk >= margin - 1, $"Text starts at {LeftmostInk:0.0} pt, inside the {margin} pt left margin.");
        Assert.True(RightmostInk <= Width - margin + 1, $"Text reaches {RightmostInk:0.0} pt, inside the {margin} pt right margin.");
    }

    public bool Shows(string text) => CompactText.Contains(PdfPages.Compact(text), StringComparison.Ordinal);

    public void ShouldShow(params string[] texts)
    {
        foreach (var text in texts) Assert.True(Shows(text), $"The page does not show \"{text}\". It shows: {CompactText}");
    }

    public void ShouldBeA4()
    {
        Assert.InRange(Width, 594, 596);
        Assert.InRange(Height, 841, 843);
    }
}
