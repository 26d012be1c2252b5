using Portal.ServiceDefaults.Documents;
using Portal.ServiceDefaults.Documents.Pdf;

namespace Portal.Identity.Students.StartCards.Printing;

/// <summary>
/// Start cards on A4: eight to a page, two across and four down, each framed by its cut lines. Pages go to the stream as
/// soon as they are drawn, so a year group's cards stream out rather than build up in memory.
/// </summary>
public static class StartCardsPdf
{
    public const string ContentType = "application/pdf";
    public const int Columns = 2;
    public const int Rows = 4;
    public const int CardsPerPage = Columns * Rows;
    const double Margin = 28.35; // 1 cm

    public static async Task WriteAsync(IReadOnlyList<StartCard> cards, Stream output, CancellationToken cancellation)
    {
        if (cards.Count == 0)
            throw new ArgumentException("There are no cards to print.", nameof(cards));
        var document = new PdfDocumentWriter(output, "Student start cards", "Portal");
        var style = new StartCardStyle();
        foreach (var sheet in cards.Chunk(CardsPerPage))
        {
            var page = document.BeginPage();
            var (width, height) = ((page.Width - 2 * Margin) / Columns, (page.Height - 2 * Margin) / Rows);
            for (var i = 0; i < sheet.Length; i++)
                new StartCardLayout(page, style, Margin + i % Columns * width, Margin + i / Columns * height, width, height).Draw(sheet[i]);
            document.EndPage(page);
            await document.FlushAsync(cancellation);
        }
        document.Finish();
        await document.FlushAsync(cancellation);
    }

    public static async Task<byte[]> ToBytesAsync(IReadOnlyList<StartCard> cards)
    {
        using var output = new MemoryStream();
        await WriteAsync(cards, output, CancellationToken.None);
        return output.ToArray();
    }
}

/// <summary>The cards' fonts and colours, shared by every page of a document.</summary>
public sealed class StartCardStyle
{
    public PdfFont School { get; } = new(DejaVuFonts.Sans, 9.5);
    public PdfFont Name { get; } = new(DejaVuFonts.SansBold, 14);
    public PdfFont Label { get; } = new(DejaVuFonts.Sans, 7.5);
    public PdfFont Value { get; } = new(DejaVuFonts.SansBold, 10);
    public PdfFont Code { get; } = new(DejaVuFonts.Mono, 17);
    public PdfFont Link { get; } = new(DejaVuFonts.Sans, 9);
    public PdfFont Note { get; } = new(DejaVuFonts.Sans, 7);

    public PdfColour Ink { get; } = PdfColour.Black;
    public PdfColour Muted { get; } = new(85, 85, 85);
    public PdfColour LinkColour { get; } = new(20, 70, 150);
    public PdfColour CodeBackground { get; } = new(238, 241, 245);
    public PdfColour CutLine { get; } = new(170, 170, 170);
}
