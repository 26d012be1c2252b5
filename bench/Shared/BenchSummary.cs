using System.Text.Json;

namespace Portal.Bench;

/// <summary>
/// One row of the combined table <c>./portal bench</c> prints at the end and writes into bench/RESULTS.md: a figure
/// next to the baseline it is judged against, measured in the same run. Every benchmark program adds its rows with
/// <see cref="Add"/>; bench/Summary reads them back.
/// </summary>
/// <param name="Area">The benchmark program or part of the system ("Identity", "Roster", "Billing").</param>
/// <param name="Measure">What was measured, with the size of the run ("MIS batches of 500, 50,000 students").</param>
/// <param name="Figure">The figure as the program's own table shows it ("1,575/s").</param>
/// <param name="Baseline">What it is judged against, with its figure ("raw Marten append 9,909/s").</param>
/// <param name="Ratio">Figure over baseline as text ("16%", "+0.85 ms"), or "–" when there is nothing to divide.</param>
public sealed record BenchSummaryRow(string Area, string Measure, string Figure, string Baseline, string Ratio);

public static class BenchSummary
{
    /// <summary>The file the rows of one run are appended to, one JSON object a line; ./portal bench sets it.</summary>
    public const string FileVariable = "PORTAL_BENCH_SUMMARY";

    static readonly Lock Appending = new();

    /// <summary>
    /// Adds one row to this run's summary (a no-op when the program runs on its own, without
    /// <see cref="FileVariable"/> set: its own tables are printed either way).
    /// </summary>
    public static void Add(string area, string measure, string figure, string baseline, string ratio)
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 } path) return;
        var line = JsonSerializer.Serialize(new BenchSummaryRow(area, measure, figure, baseline, ratio));
        lock (Appending) File.AppendAllLines(path, [line]);
    }

    /// <summary>Every row appended to <paramref name="path"/>, in the order the programs added them.</summary>
    public static IReadOnlyList<BenchSummaryRow> Read(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<BenchSummaryRow>(l)!).ToList()
            : [];
}
