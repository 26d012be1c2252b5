using System.Diagnostics;

namespace Portal.Roster.Bench;

/// <summary>One operation at a time, each waited for: nearest-rank p50/p99 and the rate over the timed operations.</summary>
public sealed record Latencies(int Count, TimeSpan Elapsed, double P50, double P99)
{
    public double Rate => Count / Elapsed.TotalSeconds;

    /// <param name="operation">Called with 0 … warmUp + count − 1; the first <paramref name="warmUp"/> calls are not timed.</param>
    public static async Task<Latencies> MeasureAsync(int count, int warmUp, Func<int, Task> operation)
    {
        for (var i = 0; i < warmUp; i++) await operation(i);
        var times = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(warmUp + i);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        total.Stop();
        return new Latencies(count, total.Elapsed, Percentile(times, 0.50), Percentile(times, 0.99));
    }

    /// <summary>Nearest rank over the values given (milliseconds); NaN when there are none.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double share)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
