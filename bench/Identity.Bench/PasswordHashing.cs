using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Portal.Bench;
using Portal.Identity.Bench.Harness;
using Portal.Identity.Credentials;

namespace Portal.Identity.Bench;

/// <summary>
/// The raw cost of one password check (Identity's own PasswordHasher.Verify, at the iterations Identity runs with),
/// on one thread and on every core at once. It bounds sign-ins: each one verifies one password.
/// </summary>
public sealed record HashBaseline(int Iterations, int Cores, double SingleMilliseconds, double EveryCoreMilliseconds)
{
    public double SingleThreadRate => 1000 / SingleMilliseconds;

    /// <summary>Measured: every core verifying at once (what the machine really does, turbo and sharing included).</summary>
    public double HashBoundRate => Cores * 1000 / EveryCoreMilliseconds;

    /// <summary>Cores × the single-thread rate: what perfect scaling would give.</summary>
    public double IdealRate => Cores * SingleThreadRate;

    /// <summary>The most a given number of concurrent sign-ins can reach: their share of the cores.</summary>
    public double BoundAt(int concurrency) => concurrency >= Cores ? HashBoundRate : Math.Min(concurrency * SingleThreadRate, HashBoundRate);

    /// <summary>Medians of a few timed verifies each way: a build elsewhere on the machine stretches single samples, not the middle.</summary>
    /// <param name="samples">Timed verifies each way; a few suffice for the re-measure beside each sign-in load.</param>
    public static HashBaseline Measure(int samples = 8)
    {
        var iterations = PasswordHashBenchmarks.Iterations;
        var job = Job.Default.WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(1).WithIterationCount(samples).WithInvocationCount(1).WithUnrollFactor(1).WithLaunchCount(1);
        var results = Micro.Run<PasswordHashBenchmarks>(job);
        return new HashBaseline(iterations, Environment.ProcessorCount,
            results[nameof(PasswordHashBenchmarks.VerifyOnOneThread)].Median / 1e6,
            results[nameof(PasswordHashBenchmarks.VerifyOnEveryCore)].Median / 1e6);
    }

    public void Print(TextWriter output) => new Table(
            $"Password hash: PBKDF2-SHA256, {Iterations:N0} iterations ({Cores} cores)", "measure", "time per verify (median)", "verifies per second")
        .Row("Verify on one thread", Figures.Milliseconds(SingleMilliseconds), Figures.Rate(SingleThreadRate))
        .Row($"Verify on {Cores} threads at once", Figures.Milliseconds(EveryCoreMilliseconds), Figures.Rate(HashBoundRate) + " (hash-bound rate)")
        .Row("Ideal: cores × one thread", "–", Figures.Rate(IdealRate))
        .Print(output);
}

/// <summary>BenchmarkDotNet's view of the hash; public and unsealed as it requires.</summary>
public class PasswordHashBenchmarks
{
    const string Password = BenchSystem.Password;

    /// <summary>What Identity reads (Portal:Identity:PasswordIterations), so the baseline matches the service.</summary>
    public static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("Portal__Identity__PasswordIterations"), out var configured)
        ? configured : PasswordHasher.DefaultIterations;

    PasswordHasher _hasher = null!;
    string _hash = "";

    [GlobalSetup]
    public void Setup()
    {
        _hasher = new PasswordHasher(Iterations);
        _hash = _hasher.Hash(Password);
    }

    [Benchmark]
    public bool VerifyOnOneThread() => _hasher.Verify(Password, _hash);

    /// <summary>One verify per core, on dedicated threads, all at once: the time for the batch.</summary>
    [Benchmark]
    public void VerifyOnEveryCore()
    {
        var threads = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => new Thread(() => _hasher.Verify(Password, _hash))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
