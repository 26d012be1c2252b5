using System.Globalization;
using Portal.ServiceDefaults.Documents;
using Portal.ServiceDefaults.Documents.Pdf;

namespace Portal.Identity.Students.StartCards.Printing;

/// <summary>One card in its cell of the sheet, top to bottom; every text wraps to the card's width.</summary>
public sealed class StartCardLayout(PdfCanvas page, StartCardStyle style, double left, double top, double width, double height)
{
    const double Padding = 12;
    const double CodePadding = 4;

    double _y = top + Padding;
    double Inner => width - 2 * Padding;

    public void Draw(StartCard card)
    {
        page.StrokeRectangle(style.CutLine, 0.5, left, top, width, height);
        Paragraph(card.SchoolName, style.School, style.Muted, after: 2);
        Paragraph(card.StudentName, style.Name, style.Ink, after: 6);
        Paragraph("Username", style.Label, style.Muted, after: 0);
        Paragraph(card.Username, style.Value, style.Ink, after: 5);
        Paragraph("Setup code", style.Label, style.Muted, after: 1);
        CodeBand(card.Code);
        Paragraph("Go to", style.Label, style.Muted, after: 0);
        Paragraph(card.SignInUrl, style.Link, style.LinkColour, after: 4);
        Paragraph($"Enter your username and this code there to choose your password. The code works once, until " +
                  $"{card.ExpiresAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Keep it private.",
            style.Note, style.Muted, after: 0);
    }

    void Paragraph(string text, PdfFont font, PdfColour colour, double after)
    {
        foreach (var line in TextWrap.Lines(text, font, Inner))
        {
            page.Text(line, font, colour, left + Padding, _y);
            _y += font.LineHeight;
        }
        _y += after;
    }

    // Large, monospaced and tinted, so the code reads (and types) unambiguously.
    void CodeBand(string code)
    {
        var bandHeight = style.Code.LineHeight + 2 * CodePadding;
        page.FillRectangle(style.CodeBackground, left + Padding, _y, Inner, bandHeight, cornerRadius: 3);
        page.CentredText(code, style.Code, style.Ink, left + Padding, Inner, _y + CodePadding);
        _y += bandHeight + 5;
    }
}
