using JasperFx.Events;
using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Students;

namespace Portal.AccessCode.Bulk.Enabling;

/// <summary>
/// Runs a bulk request in one session and one transaction, in a handful of round trips however many students: the
/// code snapshots of all of them are loaded at once; students without a code stream get one started (a stream started
/// meanwhile by someone else fails the save); streams that will change are fetched for writing in batched queries, so
/// each append checks the version it was decided on. The new codes' lookup entries and the job are saved with them.
/// Any concurrent change fails the whole request (409), so nothing is half done.
/// </summary>
public static class BulkEnabling
{
    // Statements per batched query: keeps each round trip's command text and parameter count moderate.
    private const int FetchBatchSize = 500;

    public static async Task<BulkCodeJob> RunAsync(
        IDocumentSession session, AccessCodeSecrets secrets, BulkSelection selection, IReadOnlyList<KnownStudent> students,
        Guid actor, DateTimeOffset at, CancellationToken cancellation)
    {
        var snapshots = (await session.LoadManyAsync<AccessCodeState>(cancellation, students.Select(s => s.Id)))
            .ToDictionary(s => s.Id);
        var changing = snapshots.Values.Where(s => MayChange(selection.Mode, s)).Select(s => s.Id).ToList();
        var streams = await FetchForWritingAsync(session, changing, cancellation);

        var covered = new List<Guid>(students.Count);
        var allEvents = new List<object>(students.Count);
        int issued = 0, reset = 0, unchanged = 0;
        foreach (var student in students)
        {
            var stream = streams.GetValueOrDefault(student.Id);
            var state = stream is not null ? stream.Aggregate : snapshots.GetValueOrDefault(student.Id);
            var (outcome, events) = BulkCodeDecision.For(selection.Mode, student.Id, student.SchoolId, state,
                () => secrets.NewCodeFor(student.Id).Code, actor, at);
            switch (outcome)
            {
                case BulkOutcome.Skipped: continue;
                case BulkOutcome.Issued: issued++; break;
                case BulkOutcome.Reset: reset++; break;
                case BulkOutcome.Unchanged: unchanged++; break;
            }
            covered.Add(student.Id);
            if (events.Length == 0) continue;
            if (stream is not null) stream.AppendMany(events);
            else if (state is null) session.Events.StartStream<AccessCodeState>(student.Id, events);
            else throw new InvalidOperationException($"The code stream of student {student.Id} changes but was not fetched for writing.");
            allEvents.AddRange(events);
        }

        CodeLookup.RecordCodesOf(session, allEvents);
        var job = new BulkCodeJob(Guid.NewGuid(), selection.SchoolId, selection.YearGroups, selection.ClassId, selection.Mode,
            covered, issued, reset, unchanged, actor, at);
        session.Insert(job);
        await session.SaveChangesAsync(cancellation);
        return job;
    }

    /// <summary>Whether the request may append to an existing code stream (and so needs it fetched for writing).</summary>
    private static bool MayChange(BulkMode mode, AccessCodeState state) =>
        !state.StudentLeft && (state.CodeHash is null || mode == BulkMode.ResetAll);

    private static async Task<Dictionary<Guid, IEventStream<AccessCodeState>>> FetchForWritingAsync(
        IDocumentSession session, IReadOnlyList<Guid> ids, CancellationToken cancellation)
    {
        var streams = new Dictionary<Guid, IEventStream<AccessCodeState>>(ids.Count);
        foreach (var chunk in ids.Chunk(FetchBatchSize))
        {
            var batch = session.CreateBatchQuery();
            var fetches = chunk.Select(id => (Id: id, Stream: batch.Events.FetchForWriting<AccessCodeState>(id))).ToList();
            await batch.Execute(cancellation);
            foreach (var (id, stream) in fetches) streams[id] = await stream;
        }
        return streams;
    }
}
