using System.Globalization;

namespace Portal.Bench;

/// <summary>A Markdown table printed with aligned columns, so the console output pastes into bench/README.md as is.</summary>
public sealed class Table(string title, params string[] headers)
{
    readonly List<string[]> _rows = [];
    readonly List<string> _notes = [];

    public Table Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public Table Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    public void Print(TextWriter output)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        output.WriteLine();
        output.WriteLine($"### {title}");
        output.WriteLine();
        output.WriteLine(Line(headers));
        output.WriteLine(Line(widths.Select(w => new string('-', w))));
        foreach (var row in _rows) output.WriteLine(Line(row));
        if (_notes.Count > 0) output.WriteLine();
        foreach (var note in _notes) output.WriteLine($"- {note}");
        output.Flush();
    }
}

/// <summary>How figures read in the tables.</summary>
public static class Figures
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Rate(double perSecond) => perSecond >= 100
        ? perSecond.ToString("N0", Invariant) + "/s"
        : perSecond.ToString("0.00", Invariant) + "/s";

    public static string Milliseconds(double ms) => double.IsNaN(ms) ? "–"
        : ms >= 100 ? ms.ToString("N0", Invariant) + " ms" : ms.ToString("0.00", Invariant) + " ms";

    public static string Microseconds(double us) => us.ToString(us >= 100 ? "N0" : "0.0", Invariant) + " µs";

    public static string Percent(double ratio) => double.IsNaN(ratio) ? "–" : (ratio * 100).ToString("0", Invariant) + "%";

    public static string Count(int count) => count.ToString(Invariant);
}
