using PdfSharp.Drawing;
using Portal.AccessCode.Codes;

namespace Portal.AccessCode.Letters;

/// <summary>One letter on one page, laid out top to bottom within the margins; every text wraps to the width.</summary>
public sealed class LetterPage(XGraphics gfx, LetterStyle style, double pageWidth)
{
    const double Margin = 56.7; // 2 cm
    const double StepIndent = 20;
    const double BoxPadding = 12;

    readonly double _width = pageWidth - 2 * Margin;
    double _y = Margin;

    public void Draw(LoginInstructions letter, string date)
    {
        Paragraph(letter.SchoolName, style.Heading, style.Ink, after: 4);
        Paragraph(date, style.Small, style.Muted, after: 18);
        Paragraph($"Parent/guardian login for {letter.StudentName}", style.Title, style.Ink, after: 10);
        Paragraph($"Dear parent or guardian, {letter.SchoolName} shares information about {letter.StudentName} with parents and " +
                  "guardians online. To see it, create a parent/guardian account and link it to " +
                  $"{letter.StudentName} with this access code:", style.Body, style.Ink, after: 12);
        CodeBox(letter.Code);
        Paragraph("Where to sign up", style.Subheading, style.Ink, after: 3);
        Paragraph(letter.SignUpUrl, style.Body, style.Link, after: 14);
        Paragraph("How to log in", style.Subheading, style.Ink, after: 5);
        for (var i = 0; i < letter.Steps.Count; i++) Step(i + 1, letter.Steps[i]);
        _y += 10;
        PrivacyNote(letter.StudentName);
    }

    void Paragraph(string text, XFont font, XBrush brush, double after, double indent = 0, double rightIndent = 0)
    {
        var lineHeight = font.GetHeight();
        foreach (var line in TextWrap.Lines(gfx, text, font, _width - indent - rightIndent))
        {
            gfx.DrawString(line, font, brush, Margin + indent, _y, XStringFormats.TopLeft);
            _y += lineHeight;
        }
        _y += after;
    }

    void Step(int number, string text)
    {
        gfx.DrawString($"{number}.", style.BodyBold, style.Ink, Margin, _y, XStringFormats.TopLeft);
        Paragraph(text, style.Body, style.Ink, after: 5, indent: StepIndent);
    }

    // The code large, monospaced and centred on a tinted band, so it reads (and types) unambiguously.
    void CodeBox(string code)
    {
        var labelHeight = style.Small.GetHeight();
        var codeHeight = style.Code.GetHeight();
        var height = BoxPadding + labelHeight + 4 + codeHeight + BoxPadding;
        gfx.DrawRoundedRectangle(style.CodeBackground, Margin, _y, _width, height, 8, 8);
        var centre = new XRect(Margin, _y + BoxPadding, _width, labelHeight);
        gfx.DrawString("Access code", style.Small, style.Muted, centre, XStringFormats.TopCenter);
        centre = new XRect(Margin, centre.Bottom + 4, _width, codeHeight);
        gfx.DrawString(code, style.Code, style.Ink, centre, XStringFormats.TopCenter);
        _y += height + 16;
    }

    void PrivacyNote(string student)
    {
        var top = _y;
        _y += BoxPadding;
        Paragraph("Keep this code private", style.BodyBold, style.Ink, after: 3, indent: BoxPadding, rightIndent: BoxPadding);
        Paragraph($"Anyone who has this code can ask to be linked to {student}. Do not share it or post it online. If it is " +
                  "lost or someone else may have seen it, ask the school for a new code: the old one then stops working, and " +
                  "accounts already linked keep their access.", style.Small, style.Ink, after: 0, indent: BoxPadding, rightIndent: BoxPadding);
        _y += BoxPadding;
        gfx.DrawRectangle(style.Rule, Margin, top, _width, _y - top);
    }
}
