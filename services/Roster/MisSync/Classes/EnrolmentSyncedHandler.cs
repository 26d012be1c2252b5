using Marten;
using MassTransit;
using Portal.Roster.Classes;
using Portal.Roster.Contracts;
using Portal.Roster.Shared;

namespace Portal.Roster.MisSync;

/// <summary>
/// One student joining or leaving a class: applied when newer than both the class's last record and this student's
/// last enrolment record in it. Kept even while the class is unknown, so the class record can honour it when it comes.
/// </summary>
public sealed class EnrolmentSyncedHandler(IDocumentStore store, ILogger<EnrolmentSyncedHandler> logger) : MisMessageConsumer<MisEnrolmentSynced>(store)
{
    protected override Guid OrganisationOf(MisEnrolmentSynced message) => message.OrganisationId;

    protected override async Task ApplyAsync(ConsumeContext<MisEnrolmentSynced> context, IDocumentSession session)
    {
        var (message, cancellation) = (context.Message, context.CancellationToken);
        var school = await SchoolAsync(session, message.OrganisationId, message.SchoolId, cancellation);
        var misClassId = ClassRecords.MisClassId(message.MisClassId);
        var studentMisId = ClassRecords.MisStudentId(message.StudentMisId);
        var syncedAt = message.SyncedAt.ToUniversalTime();
        var classId = RosterIds.Class(message.OrganisationId, school.Id, misClassId);
        var studentId = RosterIds.Student(message.OrganisationId, school.Id, studentMisId);
        var enrolmentId = EnrolmentWatermark.IdOf(classId, studentId);

        var classMark = await session.LoadAsync<SyncWatermark>(SyncWatermark.OfClass(classId), cancellation);
        var enrolmentMark = await session.LoadAsync<EnrolmentWatermark>(enrolmentId, cancellation);
        if (!classMark.Admits(syncedAt) || (enrolmentMark is not null && enrolmentMark.SyncedAt >= syncedAt))
        {
            logger.LogInformation("MIS enrolment in class {MisClassId} of school {SchoolId}: older than the record applied, ignored", misClassId, school.Id);
            return;
        }

        session.Store(new EnrolmentWatermark(enrolmentId, classId, studentId, message.Enrolled, syncedAt));
        var stream = await session.Events.FetchForWriting<ClassState>(classId, cancellation);
        if (stream.Aggregate is not { } state) return;
        var students = message.Enrolled ? [.. state.StudentIds, studentId] : state.StudentIds.Where(s => s != studentId).ToList();
        stream.AppendMany(Class.Decide(new SyncClass(classId, state.SchoolId, state.MisClassId ?? misClassId, state.Name, state.Subject,
            state.Active, students, state.TeacherIds, state.AwaitedTeacherEmails, ClassSource.Mis, ActorId: null, syncedAt), state));
    }
}
