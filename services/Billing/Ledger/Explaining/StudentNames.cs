using Marten;
using MassTransit;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Billing.Ledger.Explaining;

/// <summary>
/// A student's name as Roster last described it (document id = the student id, tenant = the organisation), shown only
/// to the staff of the school the student is counted at. A deleted student's name is forgotten.
/// </summary>
public sealed record BilledStudentName(Guid Id, string GivenName, string FamilyName, long Version);

public sealed class StudentNameConsumer(IDocumentStore store) : IdempotentConsumer<RosterStudentChanged>(store)
{
    protected override string TenantOf(RosterStudentChanged message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<RosterStudentChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        var known = await session.LoadAsync<BilledStudentName>(m.StudentId, context.CancellationToken);
        if (known is not null && known.Version >= m.Version) return;
        // Deleted keeps a nameless marker with its version, so an older description arriving late cannot bring the name back.
        session.Store(m.Deleted
            ? new BilledStudentName(m.StudentId, "", "", m.Version)
            : new BilledStudentName(m.StudentId, m.GivenName.Trim(), m.FamilyName.Trim(), m.Version));
    }
}

/// <summary>One student's descriptions are applied one at a time, so an older one cannot overwrite a newer one.</summary>
public sealed class StudentNameConsumerDefinition : ConsumerDefinition<StudentNameConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<StudentNameConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<RosterStudentChanged>(m => m.UsePartitioner(8, c => c.Message.StudentId));
}
