using Marten;
using MassTransit;
using Portal.Institution.Contracts;
using Portal.Roster.MisSync;
using Portal.Roster.Tests.Api;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Tests.DashboardApi;

/// <summary>
/// Arranges what a student's dashboard draws on: Institution's visibility messages (published on the bus and waited for
/// until Roster has handled them) and the MIS's timetables and homework (stored as the MIS sync would leave them).
/// </summary>
public sealed class PortalSchool(RosterApi api, Given given)
{
    public static readonly DateTimeOffset Synced = new(2026, 9, 7, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Publishes the school's visible pages at this version and waits until Roster has handled the message.</summary>
    public async Task Shows(Guid school, long version, params string[] pages)
    {
        var id = NewId.NextGuid();
        await api.Bus.Bus.Publish(new StudentPortalVisibilityChanged(given.Org, school, pages, version, DateTimeOffset.UtcNow),
            context => context.MessageId = id);
        await using var session = api.Store.QuerySession();
        for (var i = 0; i < 200; i++)
        {
            if (await session.LoadAsync<HandledMessage>(id.ToString()) is not null) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Roster did not handle visibility message {id} within 20 s.");
    }

    public async Task Timetable(Guid school, Guid @class, params TimetabledLesson[] lessons)
    {
        await using var session = api.Store.LightweightSession(given.Org.ToString());
        session.Store(new ClassTimetable(@class, school, $"CLS-{@class.ToString()[..8]}", lessons, Synced));
        await session.SaveChangesAsync();
    }

    public async Task<Guid> Homework(Guid school, Guid @class, string title, DateOnly dueOn, bool withdrawn = false)
    {
        var misId = $"HW-{Guid.NewGuid():N}";
        var id = HomeworkItem.IdFor(@class, misId);
        await using var session = api.Store.LightweightSession(given.Org.ToString());
        session.Store(new HomeworkItem(id, @class, school, $"CLS-{@class.ToString()[..8]}", misId, title, $"{title} notes", dueOn, withdrawn, Synced));
        await session.SaveChangesAsync();
        return id;
    }

    public static TimetabledLesson Lesson(int day, int hour, string room) => new(day, new TimeOnly(hour, 0), new TimeOnly(hour, 50), room, $"P{hour - 8}");
}
