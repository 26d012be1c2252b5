using Marten;
using Marten.Events;
using Portal.Billing.Ledger;
using Portal.Billing.Invoices.Viewing;
using Portal.Billing.Ledger.History;
using Portal.Billing.Pricing;
using Portal.Billing.Schools;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Invoices.Computing;

/// <summary>
/// An issued invoice computed again from the raw login history, without reading a single TermCharge: the transitions
/// recorded before the invoice's event (issuing holds the organisation's ledger lock, so the event sequence splits the
/// history exactly into what the invoice counted and what came later), put through <see cref="LedgerReplay"/> and the
/// same <see cref="InvoiceCalculation"/>, with the price and invoices issued before it. It must equal the stored invoice.
/// </summary>
public static class InvoiceReplay
{
    public static async Task<Invoice> RecomputeFromHistoryAsync(IQuerySession session, Invoice issued, TimeZoneInfo zone,
        CancellationToken cancellation)
    {
        var organisation = Guid.Parse(session.TenantId);
        var issuedEvent = (await session.Events.FetchStreamAsync(issued.Id, token: cancellation)).FirstOrDefault()
                          ?? throw new NotFound(InvoiceAccess.InvoiceNotFound(issued.Id));
        var history = (await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence < issuedEvent.Sequence)
                .Where(e => e.EventTypesAre(typeof(LoginEnabledRecorded), typeof(LoginDisabledRecorded)))
                .ToListAsync(cancellation))
            .Select(e => e.Data).ToList();

        var before = (await InvoiceDrafts.IssuedAsync(session, cancellation)).Where(i => i.Sequence < issued.Sequence).ToList();
        var calendar = await session.LoadAsync<BillingTermCalendar>(organisation, cancellation);
        var term = SupplyTermOf(issued);
        // The calendar is kept as last published, not as a history: earlier terms are taken with today's dates (as the
        // ledger re-decides them), the invoice's own term with the dates it was issued for.
        var terms = before.Select(i => calendar?.Find(i.TermId) ?? SupplyTermOf(i)).Append(term).DistinctBy(t => t.TermId);
        var counts = terms.ToDictionary(t => t.TermId, t => StudentsBySchool(LedgerReplay.Recompute(organisation, t, history, zone)));
        var schools = (await session.Query<BilledSchool>().ToListAsync(cancellation)).ToDictionary(s => s.Id);

        var draft = InvoiceCalculation.Draft(new InvoiceInputs(organisation, term, new UnitPrice(issued.UnitPence, issued.VatRatePercent),
            counts[term.TermId], schools, before, counts));
        return draft with { Status = InvoiceStatus.Issued, Number = issued.Number, Sequence = issued.Sequence, IssuedAt = issued.IssuedAt };
    }

    private static BillingTerm SupplyTermOf(Invoice invoice) => new(invoice.TermId, invoice.TermName, invoice.SupplyStart, invoice.SupplyEnd);

    private static IReadOnlyDictionary<Guid, long> StudentsBySchool(IEnumerable<TermCharge> charges) =>
        charges.GroupBy(c => c.SchoolId).ToDictionary(g => g.Key, g => (long)g.Count());
}
