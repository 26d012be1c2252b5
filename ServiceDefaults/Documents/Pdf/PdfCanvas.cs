using System.Globalization;
using System.Text;

namespace Portal.ServiceDefaults.Documents.Pdf;

/// <summary>
/// One page's drawing, in layout coordinates: points from the page's top-left corner, y growing downwards. PDF's own
/// space starts at the bottom-left with y growing upwards, so every y is turned over here and nowhere else.
/// </summary>
public sealed class PdfCanvas
{
    readonly Func<TrueTypeFace, PdfEmbeddedFont> _fonts;
    readonly StringBuilder _content = new(4096);
    readonly List<PdfEmbeddedFont> _used = [];

    internal PdfCanvas(double width, double height, Func<TrueTypeFace, PdfEmbeddedFont> fonts)
    {
        (Width, Height, _fonts) = (width, height, fonts);
    }

    public double Width { get; }
    public double Height { get; }
    internal IReadOnlyList<PdfEmbeddedFont> FontsUsed => _used;
    internal string Content => _content.ToString();

    /// <summary>Text on one line whose top (not baseline) is at <paramref name="top"/>.</summary>
    public void Text(string text, PdfFont font, PdfColour colour, double left, double top)
    {
        var embedded = _fonts(font.Face);
        if (!_used.Contains(embedded)) _used.Add(embedded);
        Append($"BT /{embedded.ResourceName} {N(font.Size)} Tf {Rgb(colour)} rg {N(left)} {N(Height - top - font.Ascent)} Td <");
        embedded.Encode(text, _content);
        _content.Append("> Tj ET\n");
    }

    /// <summary>Text centred horizontally in the band from <paramref name="left"/> over <paramref name="width"/>.</summary>
    public void CentredText(string text, PdfFont font, PdfColour colour, double left, double width, double top) =>
        Text(text, font, colour, left + (width - font.WidthOf(text)) / 2, top);

    public void FillRectangle(PdfColour colour, double left, double top, double width, double height, double cornerRadius = 0)
    {
        Append($"{Rgb(colour)} rg ");
        RectanglePath(left, top, width, height, cornerRadius);
        Append("f\n");
    }

    public void StrokeRectangle(PdfColour colour, double lineWidth, double left, double top, double width, double height)
    {
        Append($"{Rgb(colour)} RG {N(lineWidth)} w ");
        RectanglePath(left, top, width, height, 0);
        Append("S\n");
    }

    void RectanglePath(double left, double top, double width, double height, double radius)
    {
        var bottom = Height - top - height;
        radius = Math.Min(radius, Math.Min(width, height) / 2);
        if (radius <= 0)
        {
            Append($"{N(left)} {N(bottom)} {N(width)} {N(height)} re ");
            return;
        }
        // Each corner is a quarter circle drawn as one Bézier curve; the control points sit this fraction of the radius in.
        var k = radius * 0.4477;
        var (right, upper) = (left + width, bottom + height);
        Append($"{N(left + radius)} {N(bottom)} m {N(right - radius)} {N(bottom)} l " +
               $"{N(right - k)} {N(bottom)} {N(right)} {N(bottom + k)} {N(right)} {N(bottom + radius)} c " +
               $"{N(right)} {N(upper - radius)} l {N(right)} {N(upper - k)} {N(right - k)} {N(upper)} {N(right - radius)} {N(upper)} c " +
               $"{N(left + radius)} {N(upper)} l {N(left + k)} {N(upper)} {N(left)} {N(upper - k)} {N(left)} {N(upper - radius)} c " +
               $"{N(left)} {N(bottom + radius)} l {N(left)} {N(bottom + k)} {N(left + k)} {N(bottom)} {N(left + radius)} {N(bottom)} c h ");
    }

    void Append(string operators) => _content.Append(operators);

    static string Rgb(PdfColour c) => $"{N(c.Red / 255.0)} {N(c.Green / 255.0)} {N(c.Blue / 255.0)}";

    internal static string N(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
