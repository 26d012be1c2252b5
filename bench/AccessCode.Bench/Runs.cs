using System.Diagnostics;

namespace Portal.AccessCode.Bench;

/// <summary>Repeated timings of one piece of work after a warm-up run: min, median and max, and what the last run produced.</summary>
public sealed record Runs(IReadOnlyList<TimeSpan> Times, long LastSize)
{
    public TimeSpan Min => Times.Min();
    public TimeSpan Max => Times.Max();
    public TimeSpan Median
    {
        get
        {
            var sorted = Times.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>Runs <paramref name="work"/> once to warm up, then <paramref name="count"/> timed times; work returns the size it produced.</summary>
    public static Runs Measure(int count, Func<long> work)
    {
        work();
        var times = new List<TimeSpan>();
        long size = 0;
        for (var i = 0; i < count; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            size = work();
            times.Add(clock.Elapsed);
        }
        return new Runs(times, size);
    }
}
