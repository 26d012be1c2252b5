using Marten;
using MassTransit;
using Portal.Institution.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Billing.Schools;

/// <summary>
/// A school as Institution last described it, for invoice lines (document id = the school id, tenant = its
/// organisation). The message has no version; its time orders descriptions.
/// </summary>
public sealed record BilledSchool(Guid Id, Guid OrganisationId, string Name, string Code, DateTimeOffset DescribedAt);

public sealed class InstitutionRegisteredConsumer(IDocumentStore store) : IdempotentConsumer<InstitutionRegistered>(store)
{
    protected override string TenantOf(InstitutionRegistered message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<InstitutionRegistered> context, IDocumentSession session)
    {
        var m = context.Message;
        var known = await session.LoadAsync<BilledSchool>(m.InstitutionId, context.CancellationToken);
        if (known is not null && known.DescribedAt >= m.At) return;
        session.Store(new BilledSchool(m.InstitutionId, m.OrganisationId, m.Name.Trim(), m.Code.Trim(), m.At.ToUniversalTime()));
    }
}

/// <summary>One school's descriptions are applied one at a time, so an older one cannot overwrite a newer one.</summary>
public sealed class InstitutionRegisteredConsumerDefinition : ConsumerDefinition<InstitutionRegisteredConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<InstitutionRegisteredConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<InstitutionRegistered>(m => m.UsePartitioner(8, c => c.Message.InstitutionId));
}
