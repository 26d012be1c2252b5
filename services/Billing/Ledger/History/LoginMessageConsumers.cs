using Marten;
using MassTransit;
using Portal.Billing.Terms;
using Portal.Identity.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Billing.Ledger.History;

/// <summary>Records a transition from Identity on the student's login history and re-decides their term charges in the same commit.</summary>
public static class LoginTransitions
{
    public static async Task RecordAsync(IDocumentSession session, Guid organisation, RecordLoginTransition command,
        TimeZoneInfo zone, CancellationToken cancellation)
    {
        await LedgerLocks.ShareAsync(session, organisation, cancellation);
        var stream = await session.Events.FetchForWriting<LoginHistoryState>(command.StudentId, cancellation);
        var decided = LoginHistory.Decide(command, stream.Aggregate).ToList();
        if (decided.Count == 0) return;

        stream.AppendMany(decided);
        var calendar = await session.LoadAsync<BillingTermCalendar>(organisation, cancellation);
        LedgerProjection.ReDecideStudent(session, organisation, LoginHistory.After(stream.Aggregate, decided), calendar, zone);
    }
}

public sealed class StudentLoginEnabledConsumer(IDocumentStore store, BillingTimeZone zone) : IdempotentConsumer<StudentLoginEnabled>(store)
{
    protected override string TenantOf(StudentLoginEnabled message) => message.OrganisationId.ToString();

    protected override Task ApplyAsync(ConsumeContext<StudentLoginEnabled> context, IDocumentSession session)
    {
        var m = context.Message;
        return LoginTransitions.RecordAsync(session, m.OrganisationId,
            new RecordLoginTransition(m.StudentId, m.SchoolId, true, null, m.Version, m.At), zone.Zone, context.CancellationToken);
    }
}

public sealed class StudentLoginDisabledConsumer(IDocumentStore store, BillingTimeZone zone) : IdempotentConsumer<StudentLoginDisabled>(store)
{
    protected override string TenantOf(StudentLoginDisabled message) => message.OrganisationId.ToString();

    protected override Task ApplyAsync(ConsumeContext<StudentLoginDisabled> context, IDocumentSession session)
    {
        var m = context.Message;
        return LoginTransitions.RecordAsync(session, m.OrganisationId,
            new RecordLoginTransition(m.StudentId, m.SchoolId, false, m.Reason, m.Version, m.At), zone.Zone, context.CancellationToken);
    }
}

/// <summary>One student's transitions are recorded one at a time (the history is one stream per student).</summary>
public sealed class StudentLoginEnabledConsumerDefinition : ConsumerDefinition<StudentLoginEnabledConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<StudentLoginEnabledConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<StudentLoginEnabled>(m => m.UsePartitioner(8, c => c.Message.StudentId));
}

/// <summary>One student's transitions are recorded one at a time (the history is one stream per student).</summary>
public sealed class StudentLoginDisabledConsumerDefinition : ConsumerDefinition<StudentLoginDisabledConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<StudentLoginDisabledConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<StudentLoginDisabled>(m => m.UsePartitioner(8, c => c.Message.StudentId));
}
