using System.Diagnostics;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Portal.Roster.Students;
using Weasel.Core;

namespace Portal.Roster.Bench;

/// <summary>
/// The baselines: the same StudentEnrolled events appended straight through Marten, one stream per student, 500 per
/// save, in a database of its own on the same server, with Roster's tenancy and serializer settings; once events only,
/// once with the inline student snapshot Roster keeps (what any write that maintains that read model costs).
/// </summary>
public static class RawAppend
{
    public static async Task<Ingest> MeasureAsync(RosterBenchSystem system, int students, bool withSnapshot)
    {
        var connectionString = await system.CreateScratchDatabaseAsync(withSnapshot ? "roster_raw_snapshot" : "roster_raw_append");
        using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.AddEventType<StudentEnrolled>();
            if (withSnapshot) options.Projections.Snapshot<StudentState>(SnapshotLifecycle.Inline);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var tenant = Guid.NewGuid().ToString();
        var school = Guid.NewGuid();

        var clock = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, students).Chunk(MisIngest.BatchSize))
        {
            await using var session = store.LightweightSession(tenant);
            foreach (var i in batch)
            {
                var id = Guid.NewGuid();
                session.Events.StartStream(id, new StudentEnrolled(id, school, $"RAW-{i}", "Bench", $"Student {i}", "Y10",
                    $"raw.{i}@bench.example", null, StudentSource.Mis, null, DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }
        clock.Stop();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from public.mt_events", connection);
        var stored = Convert.ToInt32(await count.ExecuteScalarAsync());
        if (stored != students) throw new InvalidOperationException($"The raw append stored {stored} events, not {students}.");
        return new Ingest(students, clock.Elapsed);
    }
}
