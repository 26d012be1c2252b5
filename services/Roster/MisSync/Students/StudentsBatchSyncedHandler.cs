using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using Portal.Roster.Contracts;

namespace Portal.Roster.MisSync;

/// <summary>
/// Many student records of one school. A refused record does not lose the others: the good ones are applied and
/// saved, then the message goes to the error queue listing every refused record. A full roll with a refused record
/// is incomplete, so it marks nobody as left. A complete full roll that would mark more than the sync guard's share
/// of the school's active students as left is held for a staff decision instead of applied, and supersedes older
/// held rolls of the school.
/// </summary>
public sealed class StudentsBatchSyncedHandler(
    IDocumentStore store, IOptionsMonitor<SyncGuardOptions> guard, ILogger<StudentsBatchSyncedHandler> logger)
    : MisMessageConsumer<MisStudentsBatchSynced>(store)
{
    protected override Guid OrganisationOf(MisStudentsBatchSynced message) => message.OrganisationId;

    protected override async Task ApplyAsync(ConsumeContext<MisStudentsBatchSynced> context, IDocumentSession session)
    {
        var (message, cancellation) = (context.Message, context.CancellationToken);
        var school = await SchoolAsync(session, message.OrganisationId, message.SchoolId, cancellation);
        var (commands, rejections) = StudentRecords.Check(message.OrganisationId, school, message.Students, message.SyncedAt);
        var fullRoll = message.IsFullRoll && rejections.Count == 0;

        var roll = new StudentRoll(session, school, message.SyncedAt);
        var plan = await roll.PlanAsync(commands, fullRoll, cancellation);
        if (fullRoll)
        {
            await SyncHolds.SupersedeOlderAsync(session, school.Id, message.SyncedAt, cancellation);
            var maximumShare = guard.CurrentValue.MaximumLeaverShare;
            if (plan.LeaverShare > maximumShare)
            {
                SyncHolds.Hold(session, SyncHolds.IdFor(context.MessageId!.Value), message, plan, maximumShare);
                logger.LogWarning(
                    "MIS full roll of school {SchoolId} held: it would mark {WouldLeave} of {TotalActive} active students as left (more than {MaximumShare:P0})",
                    school.Id, plan.WouldLeave.Count, plan.TotalActive, maximumShare);
                return;
            }
        }

        roll.Apply(plan);
        logger.LogInformation(
            "MIS batch of school {SchoolId} ({Kind}, {Records} records): {Enrolled} enrolled, {Changed} changed, {Left} left, {Unchanged} unchanged, {Stale} older than applied, {Rejected} refused",
            school.Id, message.IsFullRoll ? "full roll" : "partial", message.Students?.Count ?? 0, plan.Enrolled, plan.Changed, plan.Left,
            plan.Unchanged, plan.Stale, rejections.Count);
        if (rejections.Count == 0) return;

        await session.SaveChangesAsync(cancellation);
        var incomplete = message.IsFullRoll ? " As the roll is incomplete, nobody was marked as left." : "";
        throw MisRecordRejected.Listing(
            $"MisStudentsBatchSynced for school {school.Id}: {rejections.Count} of {message.Students?.Count ?? 0} records were refused and the other {commands.Count} applied.{incomplete}",
            rejections);
    }
}
