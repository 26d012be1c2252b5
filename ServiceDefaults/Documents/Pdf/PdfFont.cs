namespace Portal.ServiceDefaults.Documents.Pdf;

/// <summary>A face at a size, in points: what text is measured and drawn with.</summary>
public sealed record PdfFont(TrueTypeFace Face, double Size)
{
    double Scale => Size / Face.UnitsPerEm;

    /// <summary>The distance from one line's top to the next's (ascent + descent + line gap).</summary>
    public double LineHeight => (Face.Ascent - Face.Descent + Face.LineGap) * Scale;

    /// <summary>From a line's top down to its baseline.</summary>
    public double Ascent => Face.Ascent * Scale;

    public double WidthOf(string text) => Face.AdvanceOf(text) * Scale;
}

/// <summary>An RGB colour, 0–255 per channel.</summary>
public readonly record struct PdfColour(byte Red, byte Green, byte Blue)
{
    public static readonly PdfColour Black = new(0, 0, 0);
}
