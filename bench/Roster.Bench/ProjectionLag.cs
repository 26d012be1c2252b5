using System.Collections.Concurrent;
using MassTransit;
using Portal.Bench;
using Portal.Roster.Contracts;

namespace Portal.Roster.Bench;

/// <summary>
/// Roster's publishing subscription at a steady rate: an MIS producer publishes one new student every
/// 1/<see cref="PerSecond"/> s for <see cref="Window"/>; a queue of the benchmark's own, bound to RosterStudentChanged,
/// notes when each student's message arrives. Lag is arrival minus the message's At (the committed StudentEnrolled
/// event's timestamp): the async daemon noticing the event, mapping and publishing it, and the broker's hop. The
/// producer-to-consumer time (arrival minus the MIS publish) is beside it.
/// </summary>
public static class ProjectionLag
{
    public const int PerSecond = 20;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    public sealed record Result(int Published, int Arrived, double LagP50, double LagP99, double LagMax, double EndToEndP50, double EndToEndP99);

    public static async Task<Result> MeasureAsync(RosterBenchSystem system)
    {
        var school = system.Schools[2];
        var published = new ConcurrentDictionary<string, DateTimeOffset>();
        var lags = new ConcurrentDictionary<string, (double Lag, double EndToEnd)>();
        var bus = await BenchBus.StartAsync(system.RabbitMq, receive: rabbit =>
            rabbit.ReceiveEndpoint($"bench-roster-lag-{Environment.ProcessId}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<RosterStudentChanged>(context =>
                {
                    var arrived = DateTimeOffset.UtcNow;
                    var m = context.Message;
                    if (m.SchoolId == school && m.MisId is { } misId && published.TryGetValue(misId, out var sent))
                        lags.TryAdd(misId, ((arrived - m.At).TotalMilliseconds, (arrived - sent).TotalMilliseconds));
                    return Task.CompletedTask;
                });
            }));
        try
        {
            using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / PerSecond));
            var total = (int)(PerSecond * Window.TotalSeconds);
            for (var i = 0; i < total && await ticks.WaitForNextTickAsync(); i++)
            {
                var misId = $"L-{i}";
                var now = DateTimeOffset.UtcNow;
                published[misId] = now;
                await bus.Publish(new MisStudentSynced(system.Organisation, school, misId, "Bench", $"Steady {i}", "Y10",
                    $"l{i}@bench.example", null, null, now));
            }
            var deadline = DateTimeOffset.UtcNow + Drain;
            while (lags.Count < total && DateTimeOffset.UtcNow < deadline)
                await Task.Delay(100);

            var lag = lags.Values.Select(v => v.Lag).ToList();
            var endToEnd = lags.Values.Select(v => v.EndToEnd).ToList();
            return new Result(total, lags.Count, Latencies.Percentile(lag, 0.50), Latencies.Percentile(lag, 0.99),
                lag.Count == 0 ? double.NaN : lag.Max(), Latencies.Percentile(endToEnd, 0.50), Latencies.Percentile(endToEnd, 0.99));
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public static void Print(Result result, TextWriter output)
    {
        new Table($"Projection lag at a steady rate: Roster's publishing subscription, {PerSecond} new students a second for {Window.TotalSeconds:0} s",
                "measure", "p50", "p99", "max", "messages")
            .Row("lag: event committed → RosterStudentChanged received", Figures.Milliseconds(result.LagP50), Figures.Milliseconds(result.LagP99),
                Figures.Milliseconds(result.LagMax), $"{Figures.Count(result.Arrived)} of {Figures.Count(result.Published)}")
            .Row("whole path: MIS message published → RosterStudentChanged received", Figures.Milliseconds(result.EndToEndP50),
                Figures.Milliseconds(result.EndToEndP99), "–", $"{Figures.Count(result.Arrived)} of {Figures.Count(result.Published)}")
            .Note("Lag is measured from the event's own timestamp (PostgreSQL's clock, the same machine) to arrival in a queue of the benchmark's own; " +
                  "the whole path adds Roster's consumer (the MIS message's broker hop, the decision and the append).")
            .Note(result.Arrived == result.Published ? "Every student's message arrived." :
                $"NOT every message arrived within {Drain.TotalSeconds:0} s after the last publish: {Figures.Count(result.Published - result.Arrived)} missing.")
            .Print(output);
        BenchSummary.Add("Roster", $"projection lag p50 / p99 at {PerSecond} events/s for {Window.TotalSeconds:0} s (event → published message received)",
            $"{Figures.Milliseconds(result.LagP50)} / {Figures.Milliseconds(result.LagP99)}",
            $"whole path from the MIS publish {Figures.Milliseconds(result.EndToEndP50)} / {Figures.Milliseconds(result.EndToEndP99)}",
            Figures.Percent(result.LagP50 / result.EndToEndP50) + " of it at p50");
    }
}
