using System.Text;
using PdfSharp.Drawing;

namespace Portal.AccessCode.Letters;

/// <summary>
/// Breaks text into lines that fit a width: at spaces where it can, and inside a word that is wider than the line on its
/// own (a long name or address), preferably after a URL's separators.
/// </summary>
public static class TextWrap
{
    static readonly char[] UrlBreaks = ['/', '-', '.', '?', '&', '=', '_'];

    public static IReadOnlyList<string> Lines(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Fits(gfx, candidate, font, width))
            {
                line.Clear().Append(candidate);
                continue;
            }
            if (line.Length > 0) lines.Add(line.ToString());
            line.Clear();
            var rest = word;
            while (!Fits(gfx, rest, font, width))
            {
                var cut = CutPoint(gfx, rest, font, width);
                lines.Add(rest[..cut]);
                rest = rest[cut..];
            }
            line.Append(rest);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    static bool Fits(XGraphics gfx, string text, XFont font, double width) => gfx.MeasureString(text, font).Width <= width;

    // The longest prefix that fits (at least one character, so the loop always advances), moved back to just after a
    // separator when one lies in its second half.
    static int CutPoint(XGraphics gfx, string word, XFont font, double width)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Fits(gfx, word[..middle], font, width)) low = middle;
            else high = middle - 1;
        }
        var separator = word.LastIndexOfAny(UrlBreaks, low - 1);
        return separator >= low / 2 ? separator + 1 : low;
    }
}
