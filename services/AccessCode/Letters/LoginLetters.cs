using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.AccessCode.Codes;

namespace Portal.AccessCode.Letters;

/// <summary>
/// Renders login instructions as printable letters: one PDF, one A4 page per letter, in the order given. Pure: no HTTP,
/// no store; the date printed on the letters is the caller's.
/// </summary>
public static class LoginLetters
{
    public const string ContentType = "application/pdf";

    /// <summary>Writes the letters' PDF to the stream (left open). A PDFsharp licence must have been selected (<see cref="PdfLicence"/>).</summary>
    public static void Write(IEnumerable<LoginInstructions> letters, DateOnly date, Stream output)
    {
        PdfLicence.EnsureSelected();
        DejaVuFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "Parent/guardian login instructions";
        document.Info.Creator = "Portal";
        document.Options.CompressContentStreams = true;
        // Fonts and brushes are made once per document: each XFont resolves its face and metrics when created.
        var style = new LetterStyle();
        var printedDate = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        foreach (var letter in letters)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            new LetterPage(gfx, style, page.Width.Point).Draw(letter, printedDate);
        }
        if (document.PageCount == 0) throw new ArgumentException("There are no letters to render.", nameof(letters));
        document.Save(output, closeStream: false);
    }

    public static byte[] ToBytes(IEnumerable<LoginInstructions> letters, DateOnly date)
    {
        using var output = new MemoryStream();
        Write(letters, date, output);
        return output.ToArray();
    }
}

/// <summary>The letters' fonts, brushes and pens, shared by every page of a document.</summary>
public sealed class LetterStyle
{
    public XFont Heading { get; } = new(DejaVuFonts.Sans, 20, XFontStyleEx.Bold);
    public XFont Title { get; } = new(DejaVuFonts.Sans, 14, XFontStyleEx.Bold);
    public XFont Subheading { get; } = new(DejaVuFonts.Sans, 11.5, XFontStyleEx.Bold);
    public XFont Body { get; } = new(DejaVuFonts.Sans, 10.5, XFontStyleEx.Regular);
    public XFont BodyBold { get; } = new(DejaVuFonts.Sans, 10.5, XFontStyleEx.Bold);
    public XFont Small { get; } = new(DejaVuFonts.Sans, 9, XFontStyleEx.Regular);
    public XFont Code { get; } = new(DejaVuFonts.Mono, 30, XFontStyleEx.Regular);

    public XBrush Ink { get; } = XBrushes.Black;
    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(85, 85, 85));
    public XBrush Link { get; } = new XSolidBrush(XColor.FromArgb(20, 70, 150));
    public XBrush CodeBackground { get; } = new XSolidBrush(XColor.FromArgb(238, 241, 245));
    public XPen Rule { get; } = new(XColor.FromArgb(150, 150, 150), 0.75);
}
