using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Portal.Identity.Bench.Harness;

/// <summary>
/// BenchmarkDotNet for the in-process micro measures, run in this process (the in-process toolchain) so that they
/// share the run, and the machine's state, with the load figures they are the baseline for.
/// </summary>
public static class Micro
{
    /// <summary>Runs the class's benchmarks; answers each method's statistics (nanoseconds per operation).</summary>
    public static IReadOnlyDictionary<string, Statistics> Run<TBenchmarks>(Job job)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(NullLogger.Instance)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        var summary = BenchmarkRunner.Run<TBenchmarks>(config);
        if (summary.HasCriticalValidationErrors)
            throw new InvalidOperationException(string.Join(Environment.NewLine, summary.ValidationErrors.Select(e => e.Message)));
        return summary.Reports.ToDictionary(
            report => report.BenchmarkCase.Descriptor.WorkloadMethod.Name,
            report => report.ResultStatistics
                      ?? throw new InvalidOperationException($"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name} produced no result."));
    }
}
