using Marten;
using MassTransit;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Identity.Students.Classes;

/// <summary>Keeps Identity's copy of a class (the whole teacher and student lists); an older version delivered late changes nothing.</summary>
public sealed class ClassChangedConsumer(IDocumentStore store) : IdempotentConsumer<ClassChanged>(store)
{
    protected override string TenantOf(ClassChanged message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<ClassChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        var known = await session.LoadAsync<KnownClass>(m.ClassId, context.CancellationToken);
        if (known is not null && known.Version >= m.Version)
            return;
        session.Store(new KnownClass(m.ClassId, m.SchoolId, m.Name.Trim(), m.Active,
            m.TeacherIds.Distinct().ToList(), m.StudentIds.Distinct().ToList(), m.Version));
    }
}

public sealed class ClassChangedConsumerDefinition : ConsumerDefinition<ClassChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<ClassChangedConsumer> consumer, IRegistrationContext context)
    {
        // One class's messages are applied one at a time on a replica, so the version check cannot race with itself there.
        consumer.Message<ClassChanged>(message => message.UsePartitioner(8, c => c.Message.ClassId));
    }
}
