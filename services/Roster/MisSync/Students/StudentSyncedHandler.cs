using Marten;
using MassTransit;
using Portal.Roster.Contracts;

namespace Portal.Roster.MisSync;

/// <summary>One student record: upserted by (school, MIS id) unless a record as new or newer was applied already.</summary>
public sealed class StudentSyncedHandler(IDocumentStore store, ILogger<StudentSyncedHandler> logger) : MisMessageConsumer<MisStudentSynced>(store)
{
    protected override Guid OrganisationOf(MisStudentSynced message) => message.OrganisationId;

    protected override async Task ApplyAsync(ConsumeContext<MisStudentSynced> context, IDocumentSession session)
    {
        var (message, cancellation) = (context.Message, context.CancellationToken);
        var school = await SchoolAsync(session, message.OrganisationId, message.SchoolId, cancellation);
        var record = new MisStudentRecord(message.MisId, message.GivenName, message.FamilyName, message.YearGroup, message.Email,
            message.StudentInformationNumber, message.DateLeft);
        var (commands, rejections) = StudentRecords.Check(message.OrganisationId, school, [record], message.SyncedAt);
        if (rejections.Count > 0)
            throw MisRecordRejected.Listing($"MisStudentSynced for school {school.Id} was rejected:", rejections);

        var roll = new StudentRoll(session, school, message.SyncedAt);
        var plan = await roll.PlanAsync(commands, fullRoll: false, cancellation);
        roll.Apply(plan);
        logger.LogInformation("MIS student {MisId} of school {SchoolId}: {Outcome}", commands[0].MisId, school.Id,
            plan.Stale > 0 ? "older than the record applied, ignored" : plan.Unchanged > 0 ? "unchanged" : "applied");
    }
}
