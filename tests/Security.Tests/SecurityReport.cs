using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Portal.Security.Tests;

/// <summary>What one check sent and what came back.</summary>
public sealed record CheckResult(string Check, string Operation, HttpStatusCode Status, bool AsExpected, string Detail);

/// <summary>Collects results and prints the table: per check, how many were tried, refused as expected, and each failure.</summary>
public sealed class SecurityReport
{
    private readonly ConcurrentBag<CheckResult> results = [];

    public IReadOnlyList<CheckResult> Failures => [.. results.Where(r => !r.AsExpected).OrderBy(r => r.Check).ThenBy(r => r.Operation)];

    public void Add(CheckResult result) => results.Add(result);

    public string Table(string title, IEnumerable<string> notes)
    {
        var text = new StringBuilder().AppendLine(title);
        text.AppendLine($"{"check",-44} {"tried",6} {"refused as expected",20} {"failures",9}");
        foreach (var check in results.GroupBy(r => r.Check).OrderBy(g => g.Key))
            text.AppendLine($"{check.Key,-44} {check.Count(),6} {check.Count(r => r.AsExpected),20} {check.Count(r => !r.AsExpected),9}");
        text.AppendLine($"{"total",-44} {results.Count,6} {results.Count(r => r.AsExpected),20} {results.Count(r => !r.AsExpected),9}");
        foreach (var note in notes) text.AppendLine(note);
        foreach (var failure in Failures)
            text.AppendLine($"FAILED {failure.Check}: {failure.Operation} answered {(int)failure.Status} {failure.Detail}");
        return text.ToString();
    }
}
