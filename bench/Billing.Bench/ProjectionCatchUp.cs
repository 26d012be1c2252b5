using System.Diagnostics;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Portal.Billing.Ledger;
using Portal.Billing.Ledger.History;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Billing.Bench;

/// <summary>
/// Identity's StudentLoginEnabled/Disabled messages (an enable and a later disable inside autumn per student) applied as
/// Billing's consumers apply them: one session per message that skips a handled message id, records the transition
/// on the student's history and re-decides the student's TermCharges for every term of the calendar (the ledger
/// projection is inline: caught up when the last message commits), then marks the message handled; 8 at a time,
/// one student's messages in order, as the consumers' partitioner runs them. Broker delivery is not included.
/// Baseline: the same recorded events appended straight through Marten, 500 per save.
/// </summary>
public static class ProjectionCatchUp
{
    public const int Concurrency = 8, BatchSize = 500;

    public sealed record Result(int Events, TimeSpan Elapsed)
    {
        public double Rate => Events / Elapsed.TotalSeconds;
    }

    private sealed record Transition(Guid MessageId, RecordLoginTransition Command);

    public static async Task<Result> ConsumersAsync(string connectionString, int events)
    {
        using var store = await BillingStore.CreateAsync(connectionString);
        var organisation = Guid.NewGuid();
        var tenant = organisation.ToString();
        await using (var session = store.LightweightSession(tenant))
        {
            session.Store(new BillingTermCalendar(organisation, BillingStore.Terms, 1));
            await session.SaveChangesAsync();
        }
        var students = Students(events / 2);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(students.Chunk((students.Count + Concurrency - 1) / Concurrency).Select(partition => Task.Run(async () =>
        {
            foreach (var transition in partition.SelectMany(Transitions))
            {
                await using var session = store.LightweightSession(tenant);
                var messageId = transition.MessageId.ToString();
                if (await session.LoadAsync<HandledMessage>(messageId) is not null) continue;
                await LoginTransitions.RecordAsync(session, organisation, transition.Command, BillingStore.Zone, CancellationToken.None);
                session.Insert(new HandledMessage { Id = messageId, MessageType = "StudentLogin", HandledAt = DateTimeOffset.UtcNow });
                await session.SaveChangesAsync();
            }
        })));
        clock.Stop();

        await using var check = store.QuerySession(tenant);
        var charged = await check.Query<TermCharge>().CountAsync(c => c.TermId == BillingStore.Terms[0].TermId);
        if (charged != students.Count) throw new InvalidOperationException($"The ledger charges {charged} students in autumn, not {students.Count}.");
        return new Result(students.Count * 2, clock.Elapsed);
    }

    public static async Task<Result> RawAppendAsync(string connectionString, int events, bool withSnapshot)
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.UseSystemTextJsonForSerialization(Weasel.Core.EnumStorage.AsString);
            options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.AutoCreateSchemaObjects = JasperFx.AutoCreate.All;
            options.Events.AddEventType<LoginEnabledRecorded>();
            options.Events.AddEventType<LoginDisabledRecorded>();
            if (withSnapshot) options.Projections.Snapshot<LoginHistoryState>(SnapshotLifecycle.Inline);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var tenant = Guid.NewGuid().ToString();
        var students = Students(events / 2);

        var clock = Stopwatch.StartNew();
        foreach (var batch in students.Chunk(BatchSize / 2))
        {
            await using var session = store.LightweightSession(tenant);
            foreach (var student in batch)
                session.Events.StartStream(student.Id,
                    new LoginEnabledRecorded(student.Id, student.School, 1, student.Enabled),
                    new LoginDisabledRecorded(student.Id, student.School, "left", 2, student.Enabled.AddDays(20)));
            await session.SaveChangesAsync();
        }
        clock.Stop();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from public.mt_events", connection);
        var stored = Convert.ToInt32(await count.ExecuteScalarAsync());
        if (stored != students.Count * 2) throw new InvalidOperationException($"The raw append stored {stored} events, not {students.Count * 2}.");
        return new Result(stored, clock.Elapsed);
    }

    private sealed record Student(Guid Id, Guid School, DateTimeOffset Enabled);

    private static readonly Guid[] Schools = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToArray();

    private static List<Student> Students(int count) => Enumerable.Range(0, count)
        .Select(i => new Student(Guid.NewGuid(), Schools[i % Schools.Length], new DateTimeOffset(2026, 9, 7, 8, 0, 0, TimeSpan.Zero).AddMinutes(i % 5_000)))
        .ToList();

    private static IEnumerable<Transition> Transitions(Student s) =>
    [
        new(Guid.NewGuid(), new RecordLoginTransition(s.Id, s.School, true, null, 1, s.Enabled)),
        new(Guid.NewGuid(), new RecordLoginTransition(s.Id, s.School, false, "left", 2, s.Enabled.AddDays(20))),
    ];
}
