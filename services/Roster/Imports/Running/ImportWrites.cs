using Marten;
using Portal.Roster.Classes;
using Portal.Roster.Imports.Planning;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports;

/// <summary>
/// An applied row's write. A stream the plan found is decided again on what it holds now (the MIS or staff may have
/// changed it since the plan read it), so the report says what happened; a new stream is started, and a second start
/// (someone created it meanwhile) fails the chunk, which the run then decides again.
/// </summary>
public static class ImportWrites
{
    public static async Task<ImportRowResult> WriteAsync(IDocumentSession session, PlannedWrite write, ImportRowResult planned,
        CancellationToken cancellation)
    {
        switch (write)
        {
            case StudentWrite { Exists: false } student:
                session.Events.StartStream<StudentState>(student.StreamId, Student.Decide(student.Command, null));
                return planned;
            case StudentWrite student:
                var studentStream = await session.Events.FetchForWriting<StudentState>(student.StreamId, cancellation);
                return Appended(planned, () => Student.Decide(student.Command, studentStream.Aggregate), e => studentStream.AppendMany(e));
            case ClassWrite { Exists: false } @class:
                session.Events.StartStream<ClassState>(@class.StreamId, Class.Decide(@class.Command, null));
                return planned;
            case ClassWrite @class:
                var classStream = await session.Events.FetchForWriting<ClassState>(@class.StreamId, cancellation);
                return Appended(planned, () => Class.Decide(@class.Command, classStream.Aggregate), e => classStream.AppendMany(e));
            default:
                throw new InvalidOperationException($"No write for {write.GetType().Name}.");
        }
    }

    private static ImportRowResult Appended(ImportRowResult planned, Func<object[]> decide, Action<object[]> append)
    {
        object[] events;
        try
        {
            events = decide();
        }
        catch (Exception e) when (e is ValidationFailed or RuleViolation)
        {
            return planned with { Outcome = RowOutcome.Refused, Reason = e.Message };
        }
        if (events.Length == 0)
            return planned with { Outcome = RowOutcome.Unchanged, Reason = "Already as the file has it." };
        append(events);
        return planned;
    }
}
