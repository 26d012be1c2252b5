using Marten;
using MassTransit;
using Portal.Institution.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Roster.Dashboard.Visibility;

/// <summary>Keeps which pages a school's students see; an older version delivered late changes nothing.</summary>
public sealed class StudentPortalVisibilityChangedConsumer(IDocumentStore store) : IdempotentConsumer<StudentPortalVisibilityChanged>(store)
{
    protected override string TenantOf(StudentPortalVisibilityChanged message) => message.OrganisationId.ToString();

    protected override Task ApplyAsync(ConsumeContext<StudentPortalVisibilityChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        var pages = (m.VisiblePages ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct().ToList();
        return SchoolPortalVisibilities.NoteAsync(session, new SchoolPortalVisibility(m.InstitutionId, pages, m.Version, m.At.ToUniversalTime()),
            context.CancellationToken);
    }
}

/// <summary>One school's visibility messages are applied one at a time on a replica.</summary>
public sealed class StudentPortalVisibilityChangedConsumerDefinition : ConsumerDefinition<StudentPortalVisibilityChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<StudentPortalVisibilityChangedConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<StudentPortalVisibilityChanged>(m => m.UsePartitioner(8, c => c.Message.InstitutionId));
}
