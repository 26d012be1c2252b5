using Portal.Bench;
using Portal.Identity.Bench.Harness;

namespace Portal.Identity.Bench;

/// <summary>
/// Password sign-ins per second through the gateway at 1, 2 and 4 concurrent clients, each its own account, every
/// attempt successful: the password step alone (the login form) and the web app's whole code + PKCE sign-in.
/// </summary>
public static class SignInThroughput
{
    static readonly int[] Concurrency = [1, 2, 4];
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1.5);
    static readonly TimeSpan Window = TimeSpan.FromSeconds(6);

    const string PasswordStep = "password step (login form POST)";
    const string WholeSignIn = "whole sign-in (code + PKCE, 5 round trips)";

    public static int AccountsNeeded => Concurrency.Max();

    public static async Task MeasureAsync(BenchSystem system, HashBaseline hash, TextWriter output)
    {
        var table = new Table($"Password sign-ins through the gateway vs the hash-bound rate ({hash.Cores} cores)",
            "flow", "clients", "sign-ins/s", "p50", "p99", "sign-ins", "failed", "hash bound (beside it)", "ratio");
        // Other work on a shared machine comes and goes within a minute, so each concurrency gets its own hash baseline
        // measured just before it, and the two flows run back to back after it.
        var rows = new List<(string Flow, LoadResult Result, HashBaseline Hash)>();
        foreach (var clients in Concurrency)
        {
            var beside = HashBaseline.Measure(samples: 3);
            var forms = await Task.WhenAll(system.StaffEmails.Take(clients).Select(email => LoginForm.OpenAsync(system.Gateway, email, BenchSystem.Password)));
            rows.Add((PasswordStep, await ClosedLoop.RunAsync(clients, WarmUp, Window, worker => forms[worker].PostAsync), beside));
            foreach (var form in forms) form.Dispose();
            rows.Add((WholeSignIn, await ClosedLoop.RunAsync(clients, WarmUp, Window, worker => async () =>
            {
                await system.SignInAsync(system.StaffEmails[worker], BenchSystem.Password);
                return true;
            }), beside));
        }
        foreach (var (flow, result, beside) in rows.OrderBy(r => r.Flow != PasswordStep))
            Add(table, flow, result, beside);
        string Best(string flow)
        {
            var best = rows.Where(r => r.Flow == flow && r.Result.Concurrency >= hash.Cores)
                .MaxBy(r => r.Result.PerSecond / r.Hash.HashBoundRate);
            return $"{flow} {Figures.Percent(best.Result.PerSecond / best.Hash.HashBoundRate)} ({best.Result.Concurrency} clients)";
        }

        table.Note("Hash bound: re-measured (3 timed verifies each way) just before each concurrency's two loads; " +
                   "one client can use one core (the single-thread rate), two or more every core (the hash-bound rate).")
            .Note($"Best against the hash-bound rate (target ≥ 80%): {Best(PasswordStep)}; {Best(WholeSignIn)}.")
            .Note("The load generator, gateway, Identity, PostgreSQL and RabbitMQ all share these cores with the hashing, " +
                  "so every request's non-hash work (HTTP, antiforgery, the credentials stream append, the login history) comes out of the same budget.")
            .Print(output);
    }

    static void Add(Table table, string flow, LoadResult result, HashBaseline hash)
    {
        BenchSummary.Add("Identity", $"{flow}, {Figures.Count(result.Concurrency)} clients, through the gateway", Figures.Rate(result.PerSecond),
            $"hash-bound rate {Figures.Rate(hash.BoundAt(result.Concurrency))}", Figures.Percent(result.PerSecond / hash.BoundAt(result.Concurrency)));
        AddRow(table, flow, result, hash);
    }

    static void AddRow(Table table, string flow, LoadResult result, HashBaseline hash) => table.Row(
        flow, Figures.Count(result.Concurrency), Figures.Rate(result.PerSecond), Figures.Milliseconds(result.P50), Figures.Milliseconds(result.P99),
        Figures.Count(result.Completed), Figures.Count(result.Failed),
        Figures.Rate(hash.BoundAt(result.Concurrency)), Figures.Percent(result.PerSecond / hash.BoundAt(result.Concurrency)));
}
