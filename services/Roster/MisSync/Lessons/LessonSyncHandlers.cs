using Marten;
using MassTransit;
using Portal.Roster.Contracts;
using Portal.Roster.Shared;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.MisSync;

/// <summary>A class's whole timetable replaces the one stored, unless that one is as new or newer.</summary>
public sealed class TimetableSyncedHandler(IDocumentStore store) : MisMessageConsumer<MisTimetableSynced>(store)
{
    protected override Guid OrganisationOf(MisTimetableSynced message) => message.OrganisationId;

    protected override async Task ApplyAsync(ConsumeContext<MisTimetableSynced> context, IDocumentSession session)
    {
        var (message, cancellation) = (context.Message, context.CancellationToken);
        var school = await SchoolAsync(session, message.OrganisationId, message.SchoolId, cancellation);
        var misClassId = ClassRecords.MisClassId(message.MisClassId);
        var lessons = (message.Lessons ?? throw new MisRecordRejected("The timetable has no lessons list (send an empty list for none)."))
            .Select((lesson, i) => TimetabledLesson.From(lesson, i + 1))
            .OrderBy(l => l.DayOfWeek).ThenBy(l => l.Start).ToList();
        var classId = RosterIds.Class(message.OrganisationId, school.Id, misClassId);

        var stored = await session.LoadAsync<ClassTimetable>(classId, cancellation);
        if (stored is not null && stored.SyncedAt >= message.SyncedAt) return;
        session.Store(new ClassTimetable(classId, school.Id, misClassId, lessons, message.SyncedAt.ToUniversalTime()));
    }
}

/// <summary>A homework item set, changed or withdrawn: the stored item is replaced unless it is as new or newer.</summary>
public sealed class HomeworkSetHandler(IDocumentStore store) : MisMessageConsumer<MisHomeworkSet>(store)
{
    protected override Guid OrganisationOf(MisHomeworkSet message) => message.OrganisationId;

    protected override async Task ApplyAsync(ConsumeContext<MisHomeworkSet> context, IDocumentSession session)
    {
        var (message, cancellation) = (context.Message, context.CancellationToken);
        var school = await SchoolAsync(session, message.OrganisationId, message.SchoolId, cancellation);
        var misClassId = ClassRecords.MisClassId(message.MisClassId);
        var misHomeworkId = ClassRecords.Checked(() =>
            Text.Required(message.MisHomeworkId, "misHomeworkId", "MIS homework id", HomeworkItem.MaxMisHomeworkIdLength));
        var title = ClassRecords.Checked(() => Text.Required(message.Title, "title", "Title", HomeworkItem.MaxTitleLength));
        var description = ClassRecords.Checked(() =>
            Text.Optional(message.Description, "description", "Description", HomeworkItem.MaxDescriptionLength));
        var classId = RosterIds.Class(message.OrganisationId, school.Id, misClassId);
        var id = HomeworkItem.IdFor(classId, misHomeworkId);

        var stored = await session.LoadAsync<HomeworkItem>(id, cancellation);
        if (stored is not null && stored.SyncedAt >= message.SyncedAt) return;
        session.Store(new HomeworkItem(id, classId, school.Id, misClassId, misHomeworkId, title, description, message.DueOn, message.Withdrawn,
            message.SyncedAt.ToUniversalTime()));
    }
}
