using Marten;
using MassTransit;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Identity.Students;

/// <summary>A student enrolled, changed, left, returned, moved or was deleted in Roster: keeps the copy and re-decides their login.</summary>
public sealed class RosterStudentChangedConsumer(IDocumentStore store, SchoolLocks locks) : IConsumer<RosterStudentChanged>
{
    public async Task Consume(ConsumeContext<RosterStudentChanged> context)
    {
        var message = context.Message;
        // A move re-decides against the new school while the old one may be re-deciding its students: hold both.
        await using var query = store.QuerySession(message.OrganisationId.ToString());
        var previous = await query.LoadAsync<RosteredStudent>(message.StudentId, context.CancellationToken);
        await using var held = await locks.HoldAsync(
            previous is null ? [message.SchoolId] : [message.SchoolId, previous.SchoolId], context.CancellationToken);
        await new Apply(store).Consume(context);
    }

    sealed class Apply(IDocumentStore store) : IdempotentConsumer<RosterStudentChanged>(store)
    {
        protected override string TenantOf(RosterStudentChanged message) => message.OrganisationId.ToString();

        protected override async Task ApplyAsync(ConsumeContext<RosterStudentChanged> context, IDocumentSession session)
        {
            var (m, cancellation) = (context.Message, context.CancellationToken);
            var known = await session.LoadAsync<RosteredStudent>(m.StudentId, cancellation);
            if (RosteredStudent.Newer(known, m) is not { } student)
                return;

            session.Store(student);
            var school = await session.LoadAsync<SchoolLoginSettings>(m.SchoolId, cancellation);
            await StudentLoginDecisions.ReDecideAsync(session, m.OrganisationId, [student],
                school is null ? new Dictionary<Guid, SchoolLoginSettings>() : new() { [school.Id] = school }, m.At, cancellation);
        }
    }
}

public sealed class RosterStudentChangedConsumerDefinition : ConsumerDefinition<RosterStudentChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RosterStudentChangedConsumer> consumer, IRegistrationContext context)
    {
        // Messages about one school's students wait for each other here rather than polling for the school's lock.
        consumer.Message<RosterStudentChanged>(message => message.UsePartitioner(8, c => c.Message.SchoolId));
    }
}
