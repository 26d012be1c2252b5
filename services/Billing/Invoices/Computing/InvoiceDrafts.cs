using Marten;
using Portal.Billing.Pricing;
using Portal.Billing.Schools;
using Portal.Billing.Terms;

namespace Portal.Billing.Invoices.Computing;

/// <summary>
/// Computes an organisation's invoice for a term from what is stored now: the ledger's TermCharges, the schools, the
/// price list and the organisation's issued invoices. The session belongs to the organisation.
/// </summary>
public static class InvoiceDrafts
{
    /// <summary>The invoice the term would get if it were issued now (pending corrections included).</summary>
    public static async Task<Invoice> ComputeAsync(
        IQuerySession session, BillingTerm term, PriceList prices, CancellationToken cancellation)
    {
        var issued = await IssuedAsync(session, cancellation);
        return await ComputeAsync(session, term, prices.ForTermStarting(term.Start), issued, cancellation);
    }

    /// <summary>
    /// An issued invoice computed again from the ledger and the invoices issued before it, with the price it was issued
    /// at. While nothing has changed in the ledger since, it equals the stored invoice to the penny (reproducibility).
    /// </summary>
    public static async Task<Invoice> RecomputeAsync(IQuerySession session, Invoice issued, CancellationToken cancellation)
    {
        var before = (await IssuedAsync(session, cancellation)).Where(i => i.Sequence < issued.Sequence).ToList();
        var term = new BillingTerm(issued.TermId, issued.TermName, issued.SupplyStart, issued.SupplyEnd);
        var draft = await ComputeAsync(session, term, new UnitPrice(issued.UnitPence, issued.VatRatePercent), before, cancellation);
        return draft with { Status = InvoiceStatus.Issued, Number = issued.Number, Sequence = issued.Sequence, IssuedAt = issued.IssuedAt };
    }

    public static async Task<IReadOnlyList<Invoice>> IssuedAsync(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<Invoice>().OrderBy(i => i.Sequence).ToListAsync(cancellation);

    private static async Task<Invoice> ComputeAsync(
        IQuerySession session, BillingTerm term, UnitPrice price, IReadOnlyList<Invoice> issuedBefore, CancellationToken cancellation)
    {
        var organisation = Guid.Parse(session.TenantId);
        var terms = issuedBefore.Select(i => i.TermId).Append(term.TermId).Distinct().ToList();
        var counts = await LedgerCounts.ByTermAsync(session, terms, cancellation);
        var schools = (await session.Query<BilledSchool>().ToListAsync(cancellation)).ToDictionary(s => s.Id);
        return InvoiceCalculation.Draft(new InvoiceInputs(organisation, term, price,
            counts.GetValueOrDefault(term.TermId) ?? new Dictionary<Guid, long>(), schools, issuedBefore, counts));
    }
}
