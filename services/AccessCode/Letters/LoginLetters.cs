using System.Globalization;
using Portal.AccessCode.Codes;
using Portal.ServiceDefaults.Documents.Pdf;
using Portal.ServiceDefaults.Documents;

namespace Portal.AccessCode.Letters;

/// <summary>
/// Renders login instructions as printable letters: one PDF, one A4 page per letter, in the order given. Pure: no HTTP,
/// no store; the date printed on the letters is the caller's. Each page goes to the stream as soon as it is drawn, so the
/// stream need not seek and may be an HTTP response.
/// </summary>
public static class LoginLetters
{
    public const string ContentType = "application/pdf";

    /// <summary>Writes the letters' PDF to the stream (left open). Nothing is written when there are no letters.</summary>
    public static void Write(IEnumerable<LoginInstructions> letters, DateOnly date, Stream output)
    {
        var (document, style, printedDate) = Begin(output, date);
        foreach (var letter in letters)
        {
            Draw(document, style, letter, printedDate);
            document.Flush();
        }
        Finish(document);
        document.Flush();
    }

    /// <summary>As <see cref="Write"/>, for streams that must be written asynchronously (an HTTP response).</summary>
    public static async Task WriteAsync(IEnumerable<LoginInstructions> letters, DateOnly date, Stream output, CancellationToken cancellation)
    {
        var (document, style, printedDate) = Begin(output, date);
        foreach (var letter in letters)
        {
            Draw(document, style, letter, printedDate);
            await document.FlushAsync(cancellation);
        }
        Finish(document);
        await document.FlushAsync(cancellation);
    }

    public static byte[] ToBytes(IEnumerable<LoginInstructions> letters, DateOnly date)
    {
        using var output = new MemoryStream();
        Write(letters, date, output);
        return output.ToArray();
    }

    static (PdfDocumentWriter, LetterStyle, string) Begin(Stream output, DateOnly date) =>
        (new PdfDocumentWriter(output, "Parent/guardian login instructions", "Portal"), new LetterStyle(),
            date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));

    static void Draw(PdfDocumentWriter document, LetterStyle style, LoginInstructions letter, string printedDate)
    {
        var page = document.BeginPage();
        new LetterPage(page, style, page.Width).Draw(letter, printedDate);
        document.EndPage(page);
    }

    static void Finish(PdfDocumentWriter document)
    {
        if (document.PageCount == 0) throw new ArgumentException("There are no letters to render.", "letters");
        document.Finish();
    }
}

/// <summary>The letters' fonts and colours, shared by every page of a document.</summary>
public sealed class LetterStyle
{
    public PdfFont Heading { get; } = new(DejaVuFonts.SansBold, 20);
    public PdfFont Title { get; } = new(DejaVuFonts.SansBold, 14);
    public PdfFont Subheading { get; } = new(DejaVuFonts.SansBold, 11.5);
    public PdfFont Body { get; } = new(DejaVuFonts.Sans, 10.5);
    public PdfFont BodyBold { get; } = new(DejaVuFonts.SansBold, 10.5);
    public PdfFont Small { get; } = new(DejaVuFonts.Sans, 9);
    public PdfFont Code { get; } = new(DejaVuFonts.Mono, 30);

    public PdfColour Ink { get; } = PdfColour.Black;
    public PdfColour Muted { get; } = new(85, 85, 85);
    public PdfColour Link { get; } = new(20, 70, 150);
    public PdfColour CodeBackground { get; } = new(238, 241, 245);
    public PdfColour Rule { get; } = new(150, 150, 150);
    public double RuleWidth => 0.75;
}
