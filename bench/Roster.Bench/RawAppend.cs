using System.Diagnostics;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using JasperFx.Events.Projections;
using Marten;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Portal.Roster.Students;
using Weasel.Core;

namespace Portal.Roster.Bench;

/// <summary>
/// The baselines: the same StudentEnrolled events appended straight through Marten, one stream per student, 500 per
/// save, in a database of its own on the same server, with Roster's tenancy and serializer settings; once events only,
/// once with the inline student snapshot Roster keeps (what any write that maintains that read model costs). And the
/// baselines of one command: one StudentEnrolled per save through Marten, and the same event's JSON inserted as one row
/// by Npgsql with nothing in between (<see cref="OneByOneAsync"/>).
/// </summary>
public static class RawAppend
{
    public static async Task<Ingest> MeasureAsync(RosterBenchSystem system, int students, bool withSnapshot)
    {
        var connectionString = await system.CreateScratchDatabaseAsync(withSnapshot ? "roster_raw_snapshot" : "roster_raw_append");
        using var store = await StoreAsync(connectionString, withSnapshot);
        var tenant = Guid.NewGuid().ToString();
        var school = Guid.NewGuid();

        var clock = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, students).Chunk(MisIngest.BatchSize))
        {
            await using var session = store.LightweightSession(tenant);
            foreach (var i in batch)
            {
                var id = Guid.NewGuid();
                session.Events.StartStream(id, Enrolled(id, school, $"RAW-{i}"));
            }
            await session.SaveChangesAsync();
        }
        clock.Stop();

        await EnsureStoredAsync(connectionString, "mt_events", students);
        return new Ingest(students, clock.Elapsed);
    }

    /// <summary>
    /// One StudentEnrolled at a time, each waited for, as one command would write it: through Marten (a new stream per
    /// event, one save each, events only) and as a plain row (id, jsonb) inserted by Npgsql, each statement its own
    /// transaction. The same event objects, the same server, a scratch database.
    /// </summary>
    public static async Task<(Latencies Marten, Latencies Insert)> OneByOneAsync(RosterBenchSystem system, int count, int warmUp)
    {
        var connectionString = await system.CreateScratchDatabaseAsync("roster_one_by_one");
        using var store = await StoreAsync(connectionString, withSnapshot: false);
        var tenant = Guid.NewGuid().ToString();
        var school = Guid.NewGuid();
        var events = Enumerable.Range(0, warmUp + count).Select(i => Enrolled(Guid.NewGuid(), school, $"ONE-{i}")).ToList();

        var marten = await Latencies.MeasureAsync(count, warmUp, async i =>
        {
            await using var session = store.LightweightSession(tenant);
            session.Events.StartStream(events[i].StudentId, events[i]);
            await session.SaveChangesAsync();
        });

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("create table bench_student_enrolled (id uuid primary key, tenant_id text not null, data jsonb not null)"))
            await create.ExecuteNonQueryAsync();
        var json = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        var insert = await Latencies.MeasureAsync(count, warmUp, async i =>
        {
            await using var command = dataSource.CreateCommand("insert into bench_student_enrolled (id, tenant_id, data) values ($1, $2, $3::jsonb)");
            command.Parameters.Add(new NpgsqlParameter { Value = events[i].StudentId });
            command.Parameters.Add(new NpgsqlParameter { Value = tenant });
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(events[i], json) });
            await command.ExecuteNonQueryAsync();
        });

        await EnsureStoredAsync(connectionString, "mt_events", warmUp + count);
        await EnsureStoredAsync(connectionString, "bench_student_enrolled", warmUp + count);
        return (marten, insert);
    }

    static StudentEnrolled Enrolled(Guid id, Guid school, string misId) => new(id, school, misId, "Bench", $"Student {misId}", "Y10",
        $"{misId.ToLowerInvariant()}@bench.example", null, StudentSource.Mis, null, DateTimeOffset.UtcNow);

    static async Task<DocumentStore> StoreAsync(string connectionString, bool withSnapshot)
    {
        var store = DocumentStore.For(options =>
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
        return store;
    }

    static async Task EnsureStoredAsync(string connectionString, string table, int expected)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from public.{table}", connection);
        var stored = Convert.ToInt32(await count.ExecuteScalarAsync());
        if (stored != expected) throw new InvalidOperationException($"The raw baseline stored {stored} rows in {table}, not {expected}.");
    }
}
