using Marten;
using MassTransit;
using Portal.Roster.Classes;
using Portal.Roster.Contracts;
using Portal.Roster.Shared;
using Portal.Roster.Staff;

namespace Portal.Roster.MisSync;

/// <summary>
/// A class with its whole membership, unless a record as new or newer was applied. Teachers are the active staff
/// of the school with those emails; an email without one is awaited until the account appears. Students are named by
/// MIS id, so a class may list a student whose record comes later. An enrolment record newer than this class record
/// still counts for its student.
/// </summary>
public sealed class ClassSyncedHandler(IDocumentStore store, ILogger<ClassSyncedHandler> logger) : MisMessageConsumer<MisClassSynced>(store)
{
    protected override Guid OrganisationOf(MisClassSynced message) => message.OrganisationId;

    protected override async Task ApplyAsync(ConsumeContext<MisClassSynced> context, IDocumentSession session)
    {
        var (message, cancellation) = (context.Message, context.CancellationToken);
        var school = await SchoolAsync(session, message.OrganisationId, message.SchoolId, cancellation);
        var misClassId = ClassRecords.MisClassId(message.MisClassId);
        var name = ClassRecords.Checked(() => Class.ValidName(message.Name));
        var subject = ClassRecords.Checked(() => Class.ValidSubject(message.Subject));
        var emails = ClassRecords.TeacherEmails(message.TeacherEmails);
        var studentMisIds = ClassRecords.StudentMisIds(message.StudentMisIds);
        var syncedAt = message.SyncedAt.ToUniversalTime();

        var classId = RosterIds.Class(message.OrganisationId, school.Id, misClassId);
        var watermark = await session.LoadAsync<SyncWatermark>(SyncWatermark.OfClass(classId), cancellation);
        if (!watermark.Admits(syncedAt))
        {
            logger.LogInformation("MIS class {MisClassId} of school {SchoolId}: older than the record applied, ignored", misClassId, school.Id);
            return;
        }

        var staff = await session.Query<KnownStaff>().Where(s => emails.Contains(s.Email)).ToListAsync(cancellation);
        var teachers = emails.Select(e => staff.FirstOrDefault(s => s.Email == e && s.IsTeacherIn(school.Id))).ToList();
        var later = await session.Query<EnrolmentWatermark>().Where(e => e.ClassId == classId).ToListAsync(cancellation);
        var students = studentMisIds.Select(id => RosterIds.Student(message.OrganisationId, school.Id, id)).ToHashSet();
        foreach (var enrolment in later.Where(e => e.SyncedAt > syncedAt))
            if (enrolment.Enrolled) students.Add(enrolment.StudentId);
            else students.Remove(enrolment.StudentId);

        var stream = await session.Events.FetchForWriting<ClassState>(classId, cancellation);
        var events = Class.Decide(new SyncClass(classId, school.Id, misClassId, name, subject, message.Active, [.. students],
            teachers.OfType<KnownStaff>().Select(t => t.Id).Distinct().ToList(),
            emails.Where((_, i) => teachers[i] is null).ToList(), ClassSource.Mis, ActorId: null, syncedAt), stream.Aggregate);
        stream.AppendMany(events);
        session.Store(new SyncWatermark(SyncWatermark.OfClass(classId), syncedAt));
        logger.LogInformation("MIS class {MisClassId} of school {SchoolId}: {Changes} changes", misClassId, school.Id, events.Length);
    }
}
