using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Portal.Security.Tests;

/// <summary>What one check sent and what came back.</summary>
public sealed record CheckResult(string Check, string Operation, HttpStatusCode Status, bool AsExpected, string Detail);

/// <summary>
/// Collects one test's results and prints its table: per check, how many were tried, refused as expected, and each
/// failure. Every result also goes into the suite's table (<see cref="SuiteTable"/>), which each test prints after its
/// own, so the last test to run prints the whole suite's.
/// </summary>
public sealed class SecurityReport
{
    private static readonly ConcurrentBag<CheckResult> Suite = [];
    private readonly ConcurrentBag<CheckResult> results = [];

    public IReadOnlyList<CheckResult> Failures => [.. results.Where(r => !r.AsExpected).OrderBy(r => r.Check).ThenBy(r => r.Operation)];

    public void Add(CheckResult result)
    {
        results.Add(result);
        Suite.Add(result);
    }

    /// <summary>Every check of every test that has run in this process so far.</summary>
    public static string SuiteTable() =>
        Format("Security suite so far (every test run in this process)", Suite, [], withFailures: false);

    public string Table(string title, IEnumerable<string> notes) => Format(title, results, notes, withFailures: true);

    private static string Format(string title, IReadOnlyCollection<CheckResult> results, IEnumerable<string> notes, bool withFailures)
    {
        var text = new StringBuilder().AppendLine(title);
        text.AppendLine($"{"check",-44} {"tried",6} {"refused as expected",20} {"failures",9}");
        foreach (var check in results.GroupBy(r => r.Check).OrderBy(g => g.Key))
            text.AppendLine($"{check.Key,-44} {check.Count(),6} {check.Count(r => r.AsExpected),20} {check.Count(r => !r.AsExpected),9}");
        text.AppendLine($"{"total",-44} {results.Count,6} {results.Count(r => r.AsExpected),20} {results.Count(r => !r.AsExpected),9}");
        foreach (var note in notes) text.AppendLine(note);
        if (!withFailures) return text.ToString();
        foreach (var failure in results.Where(r => !r.AsExpected).OrderBy(r => r.Check).ThenBy(r => r.Operation))
            text.AppendLine($"FAILED {failure.Check}: {failure.Operation} answered {(int)failure.Status} {failure.Detail}");
        return text.ToString();
    }
}
