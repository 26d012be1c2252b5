using Portal.AccessCode.Codes;
using Portal.ServiceDefaults.Documents.Pdf;
using Portal.ServiceDefaults.Documents;

namespace Portal.AccessCode.Letters;

/// <summary>One letter on one page, laid out top to bottom within the margins; every text wraps to the width.</summary>
public sealed class LetterPage(PdfCanvas page, LetterStyle style, double pageWidth)
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

    void Paragraph(string text, PdfFont font, PdfColour colour, double after, double indent = 0, double rightIndent = 0)
    {
        var lineHeight = font.LineHeight;
        foreach (var line in TextWrap.Lines(text, font, _width - indent - rightIndent))
        {
            page.Text(line, font, colour, Margin + indent, _y);
            _y += lineHeight;
        }
        _y += after;
    }

    void Step(int number, string text)
    {
        page.Text($"{number}.", style.BodyBold, style.Ink, Margin, _y);
        Paragraph(text, style.Body, style.Ink, after: 5, indent: StepIndent);
    }

    // The code large, monospaced and centred on a tinted band, so it reads (and types) unambiguously.
    void CodeBox(string code)
    {
        var labelHeight = style.Small.LineHeight;
        var codeHeight = style.Code.LineHeight;
        var height = BoxPadding + labelHeight + 4 + codeHeight + BoxPadding;
        page.FillRectangle(style.CodeBackground, Margin, _y, _width, height, cornerRadius: 4);
        page.CentredText("Access code", style.Small, style.Muted, Margin, _width, _y + BoxPadding);
        page.CentredText(code, style.Code, style.Ink, Margin, _width, _y + BoxPadding + labelHeight + 4);
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
        page.StrokeRectangle(style.Rule, style.RuleWidth, Margin, top, _width, _y - top);
    }
}
