using Marten;
using MassTransit;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Identity.Students;

/// <summary>
/// Students enrolled, changed, left, returned, moved or deleted in Roster, taken in batches of one school's messages:
/// keeps each copy and re-decides their logins in one transaction per batch (one message per transaction made a
/// 50,000-student sync take half an hour). Each message is applied at most once, as by an idempotent consumer.
/// </summary>
public sealed class RosterStudentChangedConsumer(IDocumentStore store, SchoolLocks locks) : IConsumer<Batch<RosterStudentChanged>>
{
    public async Task Consume(ConsumeContext<Batch<RosterStudentChanged>> context)
    {
        foreach (var organisation in context.Message.GroupBy(m => m.Message.OrganisationId))
            await ApplyAsync(organisation.Key, [.. organisation], context.CancellationToken);
    }

    private async Task ApplyAsync(Guid organisation, IReadOnlyList<ConsumeContext<RosterStudentChanged>> messages, CancellationToken cancellation)
    {
        IReadOnlyList<RosteredStudent> previous;
        await using (var query = store.QuerySession(organisation.ToString()))
            previous = await query.LoadManyAsync<RosteredStudent>(cancellation, messages.Select(m => m.Message.StudentId).Distinct());
        // A move re-decides against the new school while the old one may be re-deciding its students: hold both.
        await using var held = await locks.HoldAsync(
            messages.Select(m => m.Message.SchoolId).Concat(previous.Select(p => p.SchoolId)), cancellation);

        // A student changed twice in one batch is decided once per change, in version order, so each change keeps its time.
        var rounds = messages
            .GroupBy(m => m.Message.StudentId)
            .SelectMany(changes => changes.OrderBy(m => m.Message.Version).Select((message, round) => (message, round)))
            .GroupBy(change => change.round, change => change.message)
            .OrderBy(round => round.Key);
        foreach (var round in rounds)
            await ApplyRoundAsync(organisation, [.. round], cancellation);
    }

    private async Task ApplyRoundAsync(Guid organisation, IReadOnlyList<ConsumeContext<RosterStudentChanged>> messages, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(organisation.ToString());
        var handled = (await session.LoadManyAsync<HandledMessage>(cancellation, messages.Select(MessageIdOf).Distinct()))
            .Select(h => h.Id).ToHashSet();
        var unapplied = messages.Where(m => handled.Add(MessageIdOf(m))).ToList();
        if (unapplied.Count == 0)
            return;

        var known = (await session.LoadManyAsync<RosteredStudent>(cancellation, unapplied.Select(m => m.Message.StudentId)))
            .ToDictionary(s => s.Id);
        var changes = new List<(RosteredStudent Student, DateTimeOffset At)>();
        foreach (var message in unapplied)
        {
            if (RosteredStudent.Newer(known.GetValueOrDefault(message.Message.StudentId), message.Message) is { } student)
            {
                session.Store(student);
                changes.Add((student, message.Message.At));
            }
            session.Insert(new HandledMessage
            {
                Id = MessageIdOf(message), MessageType = typeof(RosterStudentChanged).FullName!, HandledAt = DateTimeOffset.UtcNow,
            });
        }
        var schools = (await session.LoadManyAsync<SchoolLoginSettings>(cancellation, changes.Select(c => c.Student.SchoolId).Distinct()))
            .ToDictionary(s => s.Id);
        await StudentLoginDecisions.ReDecideAsync(session, organisation, changes, schools, cancellation);
        // A concurrent delivery of one of these messages that committed first fails the insert of its marker: the batch
        // is retried and then skips what is already applied.
        await session.SaveChangesAsync(cancellation);
    }

    private static string MessageIdOf(ConsumeContext message) =>
        (message.MessageId ?? throw new InvalidOperationException("The message carries no message id.")).ToString();
}

public sealed class RosterStudentChangedConsumerDefinition : ConsumerDefinition<RosterStudentChangedConsumer>
{
    /// <summary>Messages per batch; a batch is also closed after <see cref="BatchWindow"/>.</summary>
    public const int BatchSize = 200;
    private const int ConcurrentBatches = 2;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RosterStudentChangedConsumer> consumer, IRegistrationContext context)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.PrefetchCount = BatchSize * ConcurrentBatches;
        // One school's students per batch: a batch holds the school's lock, so the other batch can take another school.
        consumer.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchSize)
            .SetTimeLimit(BatchWindow)
            .SetConcurrencyLimit(ConcurrentBatches)
            .GroupBy<RosterStudentChanged, Guid>(m => m.Message.SchoolId));
    }
}
