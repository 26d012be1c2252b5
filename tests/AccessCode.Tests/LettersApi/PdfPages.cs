using System.Net;
using UglyToad.PdfPig;

namespace Portal.AccessCode.Tests.LettersApi;

/// <summary>A produced PDF read back with PdfPig: each page's size and its text with all white space removed (lines wrap).</summary>
public sealed record PdfPages(IReadOnlyList<PdfPage> Pages)
{
    public static PdfPages Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return new PdfPages(document.GetPages().Select(p => new PdfPage(p.Width, p.Height, Compact(p.Text))).ToList());
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

public sealed record PdfPage(double Width, double Height, string CompactText)
{
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
