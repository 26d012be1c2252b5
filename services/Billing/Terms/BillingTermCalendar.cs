using Marten;
using MassTransit;
using Portal.Billing.Ledger;
using Portal.Institution.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Billing.Terms;

/// <summary>A term of the organisation's calendar: its id (e.g. 2026-autumn), name and first and last day.</summary>
public sealed record BillingTerm(string TermId, string Name, DateOnly Start, DateOnly End);

/// <summary>
/// The organisation's term calendar as Institution last published it (document id = the organisation id, tenant = the
/// organisation). The whole calendar travels in each message; the newest version wins.
/// </summary>
public sealed record BillingTermCalendar(Guid Id, IReadOnlyList<BillingTerm> Terms, long Version)
{
    public BillingTerm? Find(string termId) => Terms.FirstOrDefault(t => t.TermId == termId);
}

public sealed class TermCalendarSetConsumer(IDocumentStore store, BillingTimeZone zone) : IdempotentConsumer<TermCalendarSet>(store)
{
    protected override string TenantOf(TermCalendarSet message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<TermCalendarSet> context, IDocumentSession session)
    {
        var m = context.Message;
        await LedgerLocks.ExcludeAsync(session, m.OrganisationId, context.CancellationToken);
        var known = await session.LoadAsync<BillingTermCalendar>(m.OrganisationId, context.CancellationToken);
        if (known is not null && known.Version >= m.Version) return;
        var calendar = new BillingTermCalendar(m.OrganisationId,
            m.Terms.Select(t => new BillingTerm(t.TermId, t.Name, t.Start, t.End)).OrderBy(t => t.Start).ToList(), m.Version);
        session.Store(calendar);
        await LedgerProjection.ReDecideTermsAsync(session, m.OrganisationId, known, calendar, zone.Zone, context.CancellationToken);
    }
}

/// <summary>One organisation's calendars are applied one at a time, so an older one cannot overwrite a newer one.</summary>
public sealed class TermCalendarSetConsumerDefinition : ConsumerDefinition<TermCalendarSetConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<TermCalendarSetConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<TermCalendarSet>(m => m.UsePartitioner(8, c => c.Message.OrganisationId));
}
