using System.Diagnostics;
using MassTransit;
using Portal.Bench;
using Portal.Roster.Contracts;

namespace Portal.Roster.Bench;

/// <summary>
/// An MIS producer publishing to RabbitMQ while the clock runs until Roster's student table holds every student:
/// single-record messages for one school, batches of 500 for another (whose Year 11 have student logins on, so the
/// batches are also timed until Identity has enabled every login and Billing has recorded every one of them).
/// </summary>
public static class MisIngest
{
    public const int BatchSize = 500;
    // A tenth with --small (a first look on a busy machine); the aims below are for the full sizes.
    public static int SingleStudents { get; private set; } = 5_000;
    public static int BatchStudents { get; private set; } = 50_000;

    public static void Small()
    {
        SingleStudents /= 10;
        BatchStudents /= 10;
    }
    public const string LoginYearGroup = "Y11";

    public static async Task<Ingest> SingleRecordsAsync(RosterBenchSystem system)
    {
        var school = system.Schools[0];
        var before = await system.CountAsync("mt_doc_studentstate");
        return await TimeUntilStoredAsync(system, before + SingleStudents, async bus =>
        {
            foreach (var chunk in Enumerable.Range(0, SingleStudents).Chunk(100))
                await Task.WhenAll(chunk.Select(i => bus.Publish(new MisStudentSynced(system.Organisation, school, $"S-{i}",
                    "Bench", $"Student {i}", "Y10", $"s{i}@bench.example", null, null, DateTimeOffset.UtcNow))));
        }, SingleStudents);
    }

    public static async Task<EndToEndSync> BatchesAsync(RosterBenchSystem system)
    {
        var school = system.Schools[1];
        var before = await system.CountAsync("mt_doc_studentstate");
        var loginsBefore = await system.EnabledLoginsAsync();
        var billedBefore = await system.BilledStudentsAsync();
        Ingest? loginsEnabled = null, billed = null;
        var roster = await TimeUntilStoredAsync(system, before + BatchStudents, async bus =>
        {
            foreach (var batch in Enumerable.Range(0, BatchStudents).Chunk(BatchSize))
                await bus.Publish(new MisStudentsBatchSynced(system.Organisation, school, IsFullRoll: false,
                    batch.Select(i => new MisStudentRecord($"B-{i}", "Bench", $"Student {i}", LoginYearGroup, $"b{i}@bench.example", null, null)).ToList(),
                    DateTimeOffset.UtcNow));
        }, BatchStudents, async clock =>
        {
            // Short of every login by the timeout, the figure is what Identity had enabled by then (the table says so).
            int enabled;
            var until = clock.Elapsed + LoginsTimeout;
            while ((enabled = await system.EnabledLoginsAsync() - loginsBefore) < BatchStudents && clock.Elapsed < until)
                await Task.Delay(50);
            loginsEnabled = new Ingest(enabled, clock.Elapsed);
            int recorded;
            until = clock.Elapsed + LoginsTimeout;
            while ((recorded = await system.BilledStudentsAsync() - billedBefore) < enabled && clock.Elapsed < until)
                await Task.Delay(50);
            billed = new Ingest(recorded, clock.Elapsed);
        });
        return new EndToEndSync(roster, loginsEnabled!, billed!);
    }

    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    static readonly TimeSpan LoginsTimeout = TimeSpan.FromMinutes(5);

    /// <param name="andThen">Waited for after Roster holds every student, on the same clock (which it may read).</param>
    static async Task<Ingest> TimeUntilStoredAsync(RosterBenchSystem system, int target, Func<IBus, Task> publish, int students,
        Func<Stopwatch, Task>? andThen = null)
    {
        var bus = await BenchBus.StartAsync(system.RabbitMq);
        try
        {
            var timeout = Timeout;
            var clock = Stopwatch.StartNew();
            var publishing = publish(bus);
            while (await system.CountAsync("mt_doc_studentstate") < target)
            {
                if (clock.Elapsed > timeout)
                    throw new TimeoutException($"Roster had not stored {students} students after {timeout.TotalMinutes} minutes.");
                await Task.Delay(50);
            }
            var stored = clock.Elapsed;
            if (andThen is not null) await andThen(clock);
            await publishing;
            return new Ingest(students, stored);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
