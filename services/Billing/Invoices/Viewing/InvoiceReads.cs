using Marten;
using Portal.Billing.Invoices.Computing;
using Portal.Billing.Pricing;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Invoices.Viewing;

/// <summary>
/// Invoices as callers see them: an issued invoice as it was issued; any other term's invoice as a draft computed from
/// the ledger now.
/// </summary>
public sealed class InvoiceReads(IDocumentStore store, PriceList prices, TimeProvider clock)
{
    /// <summary>
    /// The organisation's invoice for the term, or without a term: every issued invoice, then a draft for each term under
    /// way or ended but not issued yet (terms long over with nothing to bill are left out).
    /// </summary>
    public async Task<IReadOnlyList<Invoice>> OfOrganisationAsync(IQuerySession session, string? termId, CancellationToken cancellation)
    {
        var calendar = await session.LoadAsync<BillingTermCalendar>(Guid.Parse(session.TenantId), cancellation);
        var issued = await InvoiceDrafts.IssuedAsync(session, cancellation);
        if (termId is not null)
        {
            var term = calendar?.Find(termId) ?? throw new NotFound(InvoiceAccess.TermNotFound(termId));
            return [issued.FirstOrDefault(i => i.TermId == termId) ?? await InvoiceDrafts.ComputeAsync(session, term, prices, cancellation)];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var drafts = new List<Invoice>();
        foreach (var term in calendar?.Terms.Where(t => t.Start <= today && issued.All(i => i.TermId != t.TermId)) ?? [])
        {
            var draft = await InvoiceDrafts.ComputeAsync(session, term, prices, cancellation);
            if (draft.Lines.Count > 0 || term.End >= today) drafts.Add(draft);
        }
        return [.. issued, .. drafts];
    }

    /// <summary>One invoice of the session's organisation by id: issued, or the draft of the calendar's term it belongs to.</summary>
    public async Task<Invoice> OneAsync(IQuerySession session, Guid invoiceId, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Invoice>(invoiceId, cancellation) is { } issued) return issued;
        var term = await TermOfAsync(session, invoiceId, cancellation) ?? throw new NotFound(InvoiceAccess.InvoiceNotFound(invoiceId));
        return await InvoiceDrafts.ComputeAsync(session, term, prices, cancellation);
    }

    /// <summary>The term of the session's organisation whose invoice has this id (ids follow from organisation and term).</summary>
    public static async Task<BillingTerm?> TermOfAsync(IQuerySession session, Guid invoiceId, CancellationToken cancellation)
    {
        var organisation = Guid.Parse(session.TenantId);
        var calendar = await session.LoadAsync<BillingTermCalendar>(organisation, cancellation);
        return calendar?.Terms.FirstOrDefault(t => InvoiceIds.For(organisation, t.TermId) == invoiceId);
    }

    /// <summary>For finance: every organisation's invoice for the term, issued or (when it bills anything) draft.</summary>
    public async Task<IReadOnlyList<Invoice>> OfEveryOrganisationAsync(string termId, CancellationToken cancellation)
    {
        await using var any = store.QuerySession();
        var issued = await any.Query<Invoice>().Where(i => i.AnyTenant() && i.TermId == termId).ToListAsync(cancellation);
        var calendars = await any.Query<BillingTermCalendar>().Where(c => c.AnyTenant()).ToListAsync(cancellation);
        // Only organisations billing students in the term, or with issued invoices that corrections may fall due on.
        var counted = await LedgerCounts.OfEveryOrganisationAsync(any, termId, cancellation);
        var invoiced = (await any.Query<Invoice>().Where(i => i.AnyTenant()).Select(i => i.OrganisationId).Distinct()
            .ToListAsync(cancellation)).ToHashSet();
        var invoices = new List<Invoice>(issued);
        foreach (var calendar in calendars.Where(c => c.Find(termId) is not null && issued.All(i => i.OrganisationId != c.Id)
                                                      && (counted.ContainsKey(c.Id) || invoiced.Contains(c.Id))))
        {
            await using var session = store.QuerySession(calendar.Id.ToString());
            var draft = await InvoiceDrafts.ComputeAsync(session, calendar.Find(termId)!, prices, cancellation);
            if (draft.Lines.Count > 0) invoices.Add(draft);
        }
        return invoices.OrderBy(i => i.Sequence ?? long.MaxValue).ThenBy(i => i.OrganisationId).ToList();
    }

    /// <summary>For finance: any organisation's invoice by id.</summary>
    public async Task<Invoice> AnyOrganisationsAsync(Guid invoiceId, CancellationToken cancellation)
    {
        await using var any = store.QuerySession();
        if (await any.Query<Invoice>().Where(i => i.AnyTenant() && i.Id == invoiceId).FirstOrDefaultAsync(cancellation) is { } issued)
            return issued;
        var calendars = await any.Query<BillingTermCalendar>().Where(c => c.AnyTenant()).ToListAsync(cancellation);
        foreach (var calendar in calendars)
            if (calendar.Terms.FirstOrDefault(t => InvoiceIds.For(calendar.Id, t.TermId) == invoiceId) is { } term)
            {
                await using var session = store.QuerySession(calendar.Id.ToString());
                return await InvoiceDrafts.ComputeAsync(session, term, prices, cancellation);
            }
        throw new NotFound(InvoiceAccess.InvoiceNotFound(invoiceId));
    }
}
