using System.Net;
using System.Net.Http.Json;
using Portal.Bench;

namespace Portal.Roster.Bench;

/// <summary>
/// One command's write, three ways, one at a time: adding a student through the gateway (POST
/// /roster/institutions/{school}/students as the platform operator: token, rate limiter, proxy hop, Roster's checks,
/// the StudentEnrolled event with its inline snapshot and the outbox to the publishing daemon), against the same event
/// appended raw through Marten, and its JSON inserted raw by Npgsql.
/// </summary>
public static class CommandAppend
{
    public const int Commands = 500;
    public const int WarmUp = 25;

    public sealed record Result(Latencies Http, Latencies Marten, Latencies Insert);

    public static async Task<Result> MeasureAsync(RosterBenchSystem system)
    {
        var school = system.Schools[2];
        using var client = await system.OperatorAsync();
        var http = await Latencies.MeasureAsync(Commands, WarmUp, async i =>
        {
            using var response = await client.PostAsJsonAsync($"/roster/institutions/{school}/students",
                new { givenName = "Bench", familyName = $"Command {i}", yearGroup = "Y10", email = $"command.{i}@bench.example" });
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Adding a student answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        });
        var (marten, insert) = await RawAppend.OneByOneAsync(system, Commands, WarmUp);
        return new Result(http, marten, insert);
    }

    public static void Print(Result result, TextWriter output)
    {
        var baseline = result.Insert;
        string Row(Latencies l) => Figures.Percent(baseline.Rate == 0 ? double.NaN : l.Rate / baseline.Rate);
        new Table($"Command append: one student added, {Figures.Count(Commands)} one at a time ({Figures.Count(WarmUp)} untimed first)",
                "path", "commands/s", "p50", "p99", "rate vs raw INSERT", "added p50 over raw INSERT")
            .Row("raw PostgreSQL INSERT of the event's JSON (Npgsql, baseline)", Figures.Rate(baseline.Rate), Figures.Milliseconds(baseline.P50),
                Figures.Milliseconds(baseline.P99), "100%", "–")
            .Row("raw Marten append of the same StudentEnrolled (new stream, events only)", Figures.Rate(result.Marten.Rate),
                Figures.Milliseconds(result.Marten.P50), Figures.Milliseconds(result.Marten.P99), Row(result.Marten),
                Figures.Milliseconds(result.Marten.P50 - baseline.P50))
            .Row("POST /roster/institutions/{school}/students through the gateway", Figures.Rate(result.Http.Rate),
                Figures.Milliseconds(result.Http.P50), Figures.Milliseconds(result.Http.P99), Row(result.Http),
                Figures.Milliseconds(result.Http.P50 - baseline.P50))
            .Note("The HTTP command also validates the token twice (gateway, Roster), checks the school, the email and number are free " +
                  "(two queries), keeps the inline student snapshot, and answers with the student's details.")
            .Print(output);
        BenchSummary.Add("Roster", "command append: POST a student through the gateway, one at a time", Figures.Rate(result.Http.Rate),
            $"raw Npgsql INSERT {Figures.Rate(baseline.Rate)}", Row(result.Http));
        BenchSummary.Add("Roster", "command append: p50 through the gateway", Figures.Milliseconds(result.Http.P50),
            $"raw INSERT {Figures.Milliseconds(baseline.P50)}", $"+{Figures.Milliseconds(result.Http.P50 - baseline.P50)}");
        BenchSummary.Add("Roster", "command append: raw Marten append of the same event, one at a time", Figures.Rate(result.Marten.Rate),
            $"raw Npgsql INSERT {Figures.Rate(baseline.Rate)}", Row(result.Marten));
    }
}
