using System.Diagnostics;

namespace Portal.Identity.Bench.Harness;

/// <summary>What one closed-loop run measured; latencies in milliseconds, successful operations only.</summary>
public sealed record LoadResult(int Concurrency, int Completed, int Failed, double PerSecond, double P50, double P99)
{
    public static LoadResult From(int concurrency, IReadOnlyList<WorkerRun> workers)
    {
        var latencies = workers.SelectMany(w => w.Latencies).Order().ToArray();
        // Each worker over its own elapsed time: a worker finishing its last operation after the window closes
        // does not count as idle time against the others.
        var perSecond = workers.Sum(w => w.Latencies.Count / w.Elapsed.TotalSeconds);
        return new LoadResult(concurrency, latencies.Length, workers.Sum(w => w.Failed), perSecond,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>Nearest rank: the smallest sample at or above the given share of samples.</summary>
    static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public sealed record WorkerRun(List<double> Latencies, int Failed, TimeSpan Elapsed);

/// <summary>
/// A closed loop: each worker runs its operation back to back (the next starts when the last answered), first for
/// an unrecorded warm-up, then for the measured window. Every worker starts the window together.
/// </summary>
public static class ClosedLoop
{
    /// <param name="operationFor">Worker index to its operation; the operation answers whether it succeeded.</param>
    public static async Task<LoadResult> RunAsync(
        int concurrency, TimeSpan warmUp, TimeSpan window, Func<int, Func<Task<bool>>> operationFor)
    {
        var operations = Enumerable.Range(0, concurrency).Select(operationFor).ToArray();
        await Task.WhenAll(operations.Select(operation => Task.Run(() => LoopAsync(operation, warmUp))));
        var workers = await Task.WhenAll(operations.Select(operation => Task.Run(() => LoopAsync(operation, window))));
        return LoadResult.From(concurrency, workers);
    }

    static async Task<WorkerRun> LoopAsync(Func<Task<bool>> operation, TimeSpan duration)
    {
        var latencies = new List<double>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            var started = clock.Elapsed;
            bool succeeded;
            try { succeeded = await operation(); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Portal.AppHost.Clients.SignInFailed)
            {
                succeeded = false;
            }
            if (succeeded) latencies.Add((clock.Elapsed - started).TotalMilliseconds);
            else failed++;
        } while (clock.Elapsed < duration);
        return new WorkerRun(latencies, failed, clock.Elapsed);
    }
}
