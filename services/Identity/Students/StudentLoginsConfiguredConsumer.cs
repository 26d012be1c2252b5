using Marten;
using MassTransit;
using Portal.Institution.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Identity.Students;

/// <summary>
/// A school switched student logins on or off, or changed its year groups: keeps the setting and re-decides every
/// student of the school Identity knows of.
/// </summary>
public sealed class StudentLoginsConfiguredConsumer(IDocumentStore store, SchoolLocks locks) : IConsumer<StudentLoginsConfigured>
{
    public async Task Consume(ConsumeContext<StudentLoginsConfigured> context)
    {
        await using var held = await locks.HoldAsync([context.Message.InstitutionId], context.CancellationToken);
        await new Apply(store).Consume(context);
    }

    sealed class Apply(IDocumentStore store) : IdempotentConsumer<StudentLoginsConfigured>(store)
    {
        protected override string TenantOf(StudentLoginsConfigured message) => message.OrganisationId.ToString();

        protected override async Task ApplyAsync(ConsumeContext<StudentLoginsConfigured> context, IDocumentSession session)
        {
            var (message, cancellation) = (context.Message, context.CancellationToken);
            var known = await session.LoadAsync<SchoolLoginSettings>(message.InstitutionId, cancellation);
            if (SchoolLoginSettings.Newer(known, message) is not { } settings)
                return;

            session.Store(settings);
            var students = await session.Query<RosteredStudent>().Where(s => s.SchoolId == message.InstitutionId).ToListAsync(cancellation);
            await StudentLoginDecisions.ReDecideAsync(session, message.OrganisationId, students,
                new Dictionary<Guid, SchoolLoginSettings> { [settings.Id] = settings }, message.At, cancellation);
        }
    }
}

public sealed class StudentLoginsConfiguredConsumerDefinition : ConsumerDefinition<StudentLoginsConfiguredConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<StudentLoginsConfiguredConsumer> consumer, IRegistrationContext context)
    {
        // Messages about one school wait for each other here rather than on the school's lock.
        consumer.Message<StudentLoginsConfigured>(message => message.UsePartitioner(8, c => c.Message.InstitutionId));
    }
}
