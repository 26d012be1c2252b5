using Marten;
using MassTransit;
using Portal.Identity.Institutions;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Staff;

/// <summary>
/// The staff rows of a OneRoster import made in Roster, imported here exactly as an uploaded users.csv would be
/// (<see cref="StaffImportPlan"/>, <see cref="StaffImportWriter"/>), with the uploader as the actor, so the chart's
/// rules for adding staff in bulk hold whichever way the rows arrive. Idempotent twice over: a handled message id is
/// recorded, and the accounts' ids derive from the rows' sourcedIds, so a row imported again updates or skips.
/// </summary>
public sealed class RosterStaffImportedConsumer(IDocumentStore store, ILogger<RosterStaffImportedConsumer> logger)
    : IConsumer<RosterStaffImported>
{
    public async Task Consume(ConsumeContext<RosterStaffImported> context)
    {
        var message = context.Message;
        var cancellation = context.CancellationToken;
        var messageId = (context.MessageId ?? throw new InvalidOperationException("The message carries no message id.")).ToString();
        var tenant = message.OrganisationId.ToString();
        var type = ClaimValues.StaffTypeFrom(message.ActorStaffType)
            ?? throw new InvalidOperationException($"'{message.ActorStaffType}' is not a staff type; the rows cannot be imported.");

        IReadOnlyList<ImportStep> steps;
        await using (var query = store.QuerySession(tenant))
        {
            if (await query.LoadAsync<HandledMessage>(messageId, cancellation) is not null) return;
            var accounts = await query.Query<StaffAccountState>().ToListAsync(cancellation);
            var directory = await InstitutionDirectory.LoadAsync(query, cancellation);
            var actor = new StaffActor(message.ActorId, type, message.ActorInstitutions.ToList());
            steps = new StaffImportPlan(message.OrganisationId, actor, accounts, directory, message.At).Decide(message.Rows.Select(User).ToList());
        }
        var report = StaffImportReport.Of(await new StaffImportWriter(store, tenant).WriteAsync(steps, cancellation));

        await using var session = store.LightweightSession(tenant);
        session.Store(new HandledMessage { Id = messageId, MessageType = typeof(RosterStaffImported).FullName!, HandledAt = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync(cancellation);
        logger.LogInformation(
            "Staff rows of Roster import {Import} in organisation {Organisation}: {Rows} rows, {Created} created, {Updated} updated, {Skipped} skipped, {Failed} failed",
            message.ImportId, message.OrganisationId, report.Rows, report.Created, report.Updated, report.Skipped, report.Failed);
    }

    private static OneRosterUser User(ImportedStaffRow row) => new(
        row.Row, row.SourcedId.Trim(), row.Status.Trim(), row.EnabledUser.Trim(),
        row.OrgSourcedIds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        row.Role.Trim(), row.GivenName.Trim(), row.FamilyName.Trim(), row.Email.Trim());
}

/// <summary>One organisation's imports are applied one at a time on a replica, so two files never race for an email.</summary>
public sealed class RosterStaffImportedConsumerDefinition : ConsumerDefinition<RosterStaffImportedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<RosterStaffImportedConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<RosterStaffImported>(m => m.UsePartitioner(8, c => c.Message.OrganisationId));
}
