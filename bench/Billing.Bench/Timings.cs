using System.Diagnostics;

namespace Portal.Billing.Bench;

/// <summary>Repeated timings of one piece of work after a warm-up: median and p95 (nearest rank).</summary>
public sealed record Timings(IReadOnlyList<double> Milliseconds)
{
    public double Median => Rank(0.50);
    public double P95 => Rank(0.95);
    public double Min => Milliseconds.Min();

    private double Rank(double quantile)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
    }

    /// <summary>
    /// Two pieces of work timed in turns (which goes first alternates), so a neighbour's load on the shared machine falls
    /// on both alike rather than on whichever happened to run during it.
    /// </summary>
    public static async Task<(Timings Baseline, Timings Measured)> InTurnsAsync(int iterations, Func<Task> baseline, Func<Task> measured)
    {
        await baseline();
        await measured();
        var (first, second) = (new List<double>(), new List<double>());
        for (var i = 0; i < iterations; i++)
        {
            if (i % 2 == 0)
            {
                first.Add(await TimeAsync(baseline));
                second.Add(await TimeAsync(measured));
            }
            else
            {
                second.Add(await TimeAsync(measured));
                first.Add(await TimeAsync(baseline));
            }
        }
        return (new Timings(first), new Timings(second));
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static async Task<Timings> MeasureAsync(int iterations, Func<Task> work)
    {
        await work();
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await work();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Timings(times);
    }
}
