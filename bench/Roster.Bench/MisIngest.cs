using System.Diagnostics;
using MassTransit;
using Portal.Bench;
using Portal.Roster.Contracts;

namespace Portal.Roster.Bench;

/// <summary>
/// An MIS producer publishing to RabbitMQ while the clock runs until Roster's student table holds every student:
/// single-record messages for one school, batches of 500 for another.
/// </summary>
public static class MisIngest
{
    public const int BatchSize = 500;
    public const int SingleStudents = 5_000;
    public const int BatchStudents = 50_000;

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

    public static async Task<Ingest> BatchesAsync(RosterBenchSystem system)
    {
        var school = system.Schools[1];
        var before = await system.CountAsync("mt_doc_studentstate");
        return await TimeUntilStoredAsync(system, before + BatchStudents, async bus =>
        {
            foreach (var batch in Enumerable.Range(0, BatchStudents).Chunk(BatchSize))
                await bus.Publish(new MisStudentsBatchSynced(system.Organisation, school, IsFullRoll: false,
                    batch.Select(i => new MisStudentRecord($"B-{i}", "Bench", $"Student {i}", "Y11", $"b{i}@bench.example", null, null)).ToList(),
                    DateTimeOffset.UtcNow));
        }, BatchStudents);
    }

    static async Task<Ingest> TimeUntilStoredAsync(RosterBenchSystem system, int target, Func<IBus, Task> publish, int students)
    {
        var bus = await BenchBus.StartAsync(system.RabbitMq);
        try
        {
            var timeout = TimeSpan.FromMinutes(10);
            var clock = Stopwatch.StartNew();
            var publishing = publish(bus);
            while (await system.CountAsync("mt_doc_studentstate") < target)
            {
                if (clock.Elapsed > timeout)
                    throw new TimeoutException($"Roster had not stored {students} students after {timeout.TotalMinutes} minutes.");
                await Task.Delay(50);
            }
            clock.Stop();
            await publishing;
            return new Ingest(students, clock.Elapsed);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
