using Marten;
using MassTransit;
using Portal.Institution.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Identity.Institutions;

/// <summary>Keeps Identity's copy of a school's name and code, which associations and staff import look up.</summary>
public sealed class InstitutionRegisteredConsumer(IDocumentStore store) : IdempotentConsumer<InstitutionRegistered>(store)
{
    protected override string TenantOf(InstitutionRegistered message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<InstitutionRegistered> context, IDocumentSession session)
    {
        var message = context.Message;
        // The message has no version; its time orders descriptions of the same school.
        var revision = message.At.UtcTicks;
        if (await session.Query<KnownSchool>().AnyAsync(s => s.SchoolId == message.InstitutionId && s.Revision >= revision, context.CancellationToken))
            return;
        session.DeleteWhere<KnownSchool>(s => s.SchoolId == message.InstitutionId && s.Revision < revision);
        session.Store(new KnownSchool(
            KnownSchool.IdFor(message.InstitutionId, revision), message.InstitutionId, message.Name.Trim(), message.Code.Trim(), revision));
    }
}

public sealed class InstitutionRegisteredConsumerDefinition : ConsumerDefinition<InstitutionRegisteredConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<InstitutionRegisteredConsumer> consumer, IRegistrationContext context)
    {
        // Messages about one school are applied one at a time on a replica; the latest-wins read settles the rest.
        consumer.Message<InstitutionRegistered>(message => message.UsePartitioner(8, c => c.Message.InstitutionId));
    }
}
