using System.Collections.Concurrent;
using System.Text;

namespace Portal.Faults.Tests;

/// <summary>One line of the figures: what was injected, what the load sent, what came out downstream.</summary>
/// <param name="EffectsFound">Students present in every service of the chain (Roster, Identity, Billing).</param>
public sealed record FaultFigures(string Fault, int Sent, int Accepted, int EffectsFound, int Duplicates, TimeSpan TimeToRecover);

/// <summary>The figures of every fault run in this test process, printed as one table after each run.</summary>
public static class FaultReport
{
    private static readonly ConcurrentQueue<FaultFigures> Runs = new();

    public static string Add(FaultFigures figures)
    {
        Runs.Enqueue(figures);
        return Table();
    }

    public static string Table()
    {
        var table = new StringBuilder();
        table.AppendLine($"| {"fault",-60} | {"sent",4} | {"accepted",8} | {"effects found",13} | {"duplicates",10} | {"time to recover",15} |");
        table.AppendLine($"|{new string('-', 62)}|------|----------|---------------|------------|-----------------|");
        foreach (var run in Runs)
            table.AppendLine($"| {run.Fault,-60} | {run.Sent,4} | {run.Accepted,8} | {run.EffectsFound,13} | {run.Duplicates,10} | " +
                             $"{run.TimeToRecover.TotalSeconds,13:0.0} s |");
        return table.ToString();
    }
}
