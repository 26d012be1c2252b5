using Marten;
using MassTransit;
using Portal.Roster.Contracts;
using Portal.Roster.Shared;
using Portal.Roster.Students;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.MisSync;

/// <summary>An MIS producer for one school of a fresh organisation, publishing through the test bus, and what Roster made of it.</summary>
public sealed class MisProducer(RosterApi api, Guid org, Guid school)
{
    public static readonly DateTimeOffset Monday = new(2026, 9, 7, 6, 0, 0, TimeSpan.Zero);

    public Guid Org => org;

    public Guid School => school;

    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        api.Bus.Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    public MisStudentSynced Student(string misId, DateTimeOffset syncedAt, string givenName = "Ada", string familyName = "Lovelace",
        string yearGroup = "Year 7", string? email = null, DateOnly? left = null, Guid? schoolId = null) =>
        new(org, schoolId ?? school, misId, givenName, familyName, yearGroup, email, null, left, syncedAt);

    public static MisStudentRecord Record(string misId, string givenName = "Ada", string familyName = "Lovelace", string yearGroup = "Y7",
        DateOnly? left = null) => new(misId, givenName, familyName, yearGroup, null, null, left);

    public MisStudentsBatchSynced Batch(DateTimeOffset syncedAt, bool fullRoll, IEnumerable<MisStudentRecord> records) =>
        new(org, school, fullRoll, records.ToList(), syncedAt);

    public Guid StudentId(string misId) => RosterIds.Student(org, school, misId);

    public async Task<StudentState?> Find(string misId)
    {
        await using var session = api.Store.QuerySession(org.ToString());
        return await session.LoadAsync<StudentState>(StudentId(misId));
    }

    public async Task<long> VersionOf(string misId)
    {
        await using var session = api.Store.QuerySession(org.ToString());
        return (await session.Events.FetchStreamStateAsync(StudentId(misId)))?.Version ?? 0;
    }

    /// <summary>Waits until Roster holds the student (and, when given, until they match).</summary>
    public async Task<StudentState> WaitForStudent(string misId, Func<StudentState, bool>? until = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var student = await Find(misId);
            if (student is not null && (until?.Invoke(student) ?? true)) return student;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Student '{misId}' did not reach the expected state within {seconds} s; it is {student}.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until everything published so far for this school has been applied: one school's MIS messages are applied
    /// in order, so once a marker record published last has arrived, so have the ones before it.
    /// </summary>
    public async Task Settled()
    {
        var marker = $"MARKER-{Guid.NewGuid():N}";
        await Publish(Student(marker, DateTimeOffset.UtcNow, "Marker", "Record"));
        await WaitForStudent(marker);
    }
}
