using System.Text;
using Portal.ServiceDefaults.Documents.Pdf;

namespace Portal.ServiceDefaults.Documents;

/// <summary>
/// Breaks text into lines that fit a width: at spaces where it can, and inside a word that is wider than the line on its
/// own (a long name or address), preferably after a URL's separators.
/// </summary>
public static class TextWrap
{
    static readonly char[] UrlBreaks = ['/', '-', '.', '?', '&', '=', '_'];

    public static IReadOnlyList<string> Lines(string text, PdfFont font, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Fits(candidate, font, width))
            {
                line.Clear().Append(candidate);
                continue;
            }
            if (line.Length > 0) lines.Add(line.ToString());
            line.Clear();
            var rest = word;
            while (!Fits(rest, font, width))
            {
                var cut = CutPoint(rest, font, width);
                lines.Add(rest[..cut]);
                rest = rest[cut..];
            }
            line.Append(rest);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    static bool Fits(string text, PdfFont font, double width) => font.WidthOf(text) <= width;

    // The longest prefix that fits (at least one character, so the loop always advances), moved back to just after a
    // separator when one lies in its second half.
    static int CutPoint(string word, PdfFont font, double width)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Fits(word[..middle], font, width)) low = middle;
            else high = middle - 1;
        }
        var separator = word.LastIndexOfAny(UrlBreaks, low - 1);
        var cut = separator >= low / 2 ? separator + 1 : low;
        // Never between the two halves of a character outside the BMP (they would print as two replacement marks); a
        // single such character wider than the line overflows it whole.
        if (cut < word.Length && char.IsLowSurrogate(word[cut])) cut = cut > 1 ? cut - 1 : cut + 1;
        return cut;
    }
}
