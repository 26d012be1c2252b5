using Marten;
using JasperFx.Events;
using Portal.Roster.Schools;
using Portal.Roster.Students;

namespace Portal.Roster.MisSync;

/// <summary>
/// Applies many student records of one school at once: one round trip loads every stream and watermark the records
/// touch (two for a full roll, which first asks who is on the roll now), the decider decides each, and the caller's
/// one SaveChanges writes them all. A record not newer than its student's watermark changes nothing.
/// </summary>
public sealed class StudentRoll(IDocumentSession session, KnownSchool school, DateTimeOffset syncedAt)
{
    private readonly DateTimeOffset syncedAt = syncedAt.ToUniversalTime();

    /// <summary>
    /// What the records would do. For a full roll, every active student synced from the MIS whom it does not list
    /// leaves, on the day of the roll.
    /// </summary>
    public async Task<RollPlan> PlanAsync(IReadOnlyList<SyncStudent> commands, bool fullRoll, CancellationToken cancellation)
    {
        var active = fullRoll ? await ActiveStudentsAsync(cancellation) : [];
        var listed = commands.Select(c => c.MisId).ToHashSet(StringComparer.Ordinal);
        var listedIds = commands.Select(c => c.StudentId).ToHashSet();
        var missing = active
            .Where(s => s.Source == StudentSource.Mis && s.MisId is not null && !listed.Contains(s.MisId) && !listedIds.Contains(s.Id))
            .Select(s => s.Id).ToList();

        var batch = session.CreateBatchQuery();
        var listedStreams = commands.Select(c => batch.Events.FetchForWriting<StudentState>(c.StudentId)).ToList();
        var missingStreams = missing.Select(id => batch.Events.FetchForWriting<StudentState>(id)).ToList();
        var watermarks = batch.LoadMany<SyncWatermark>().ById([.. commands.Select(c => SyncWatermark.OfStudent(c.StudentId)),
            .. missing.Select(SyncWatermark.OfStudent)]);
        await batch.Execute(cancellation);

        var applied = (await watermarks).ToDictionary(w => w.Id);
        var decisions = new List<StudentDecision>();
        var stale = 0;
        var leftOn = DateOnly.FromDateTime(syncedAt.UtcDateTime);
        for (var i = 0; i < commands.Count; i++)
            Decide(await listedStreams[i], commands[i]);
        foreach (var task in missingStreams)
        {
            var stream = await task;
            if (stream.Aggregate is { Active: true, MisId: { } misId } state)
                Decide(stream, new SyncStudent(state.Id, school.Id, misId, state.GivenName, state.FamilyName, state.YearGroup, state.Email,
                    state.StudentInformationNumber, leftOn, StudentSource.Mis, ActorId: null, syncedAt));
        }
        return new RollPlan(decisions, stale, active.Count);

        void Decide(IEventStream<StudentState> stream, SyncStudent command)
        {
            if (!applied.GetValueOrDefault(SyncWatermark.OfStudent(stream.Id)).Admits(syncedAt))
                stale++;
            else
                decisions.Add(new StudentDecision(stream, Student.Decide(command, stream.Aggregate)));
        }
    }

    /// <summary>Appends what the plan decided and moves each student's watermark to this roll; the caller saves.</summary>
    public void Apply(RollPlan plan)
    {
        foreach (var decision in plan.Decisions)
            decision.Stream.AppendMany(decision.Events);
        session.Store(plan.Decisions.Select(d => new SyncWatermark(SyncWatermark.OfStudent(d.Stream.Id), syncedAt)).ToArray());
    }

    private async Task<IReadOnlyList<ActiveStudent>> ActiveStudentsAsync(CancellationToken cancellation) =>
        await session.Query<StudentState>()
            .Where(s => s.SchoolId == school.Id && s.DateLeft == null && !s.Deleted)
            .Select(s => new ActiveStudent(s.Id, s.MisId, s.Source))
            .ToListAsync(cancellation);

    private sealed record ActiveStudent(Guid Id, string? MisId, StudentSource Source);
}
