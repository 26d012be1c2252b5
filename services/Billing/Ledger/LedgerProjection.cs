using Marten;
using Portal.Billing.Ledger.History;
using Portal.Billing.Terms;
using Weasel.Core;

namespace Portal.Billing.Ledger;

/// <summary>
/// Keeps <see cref="TermCharge"/> documents current, in the session of the change that moves them: a student's new
/// transition re-decides that student in every term; a calendar change re-decides every student in the terms whose
/// dates changed, with two queries and batched writes of only the charges that differ.
/// </summary>
public static class LedgerProjection
{
    public static void ReDecideStudent(IDocumentSession session, Guid organisation, LoginHistoryState history,
        BillingTermCalendar? calendar, TimeZoneInfo zone)
    {
        if (calendar is null) return;
        var intervals = BillingRule.Intervals(history.Transitions);
        foreach (var term in calendar.Terms)
        {
            if (BillingRule.Charge(organisation, history.Id, term, intervals, zone) is { } charge) session.Store(charge);
            else session.Delete<TermCharge>(TermCharge.IdOf(term.TermId, history.Id));
        }
    }

    public static async Task ReDecideTermsAsync(IDocumentSession session, Guid organisation, BillingTermCalendar? previous,
        BillingTermCalendar current, TimeZoneInfo zone, CancellationToken cancellation)
    {
        foreach (var removed in previous?.Terms.Where(t => current.Find(t.TermId) is null) ?? [])
            session.DeleteWhere<TermCharge>(c => c.TermId == removed.TermId);

        var changed = current.Terms.Where(t => previous?.Find(t.TermId) is not { } before || before.Start != t.Start || before.End != t.End).ToList();
        if (changed.Count == 0) return;

        var histories = await session.Query<LoginHistoryState>().ToListAsync(cancellation);
        var intervals = histories.ToDictionary(h => h.Id, h => BillingRule.Intervals(h.Transitions));
        var changedCharges = new List<TermCharge>();
        var staleCharges = new List<string>();
        foreach (var term in changed)
        {
            var termId = term.TermId;
            var existing = (await session.Query<TermCharge>().Where(c => c.TermId == termId).ToListAsync(cancellation))
                .ToDictionary(c => c.Id, Fingerprint);
            foreach (var (student, studentIntervals) in intervals)
            {
                var id = TermCharge.IdOf(termId, student);
                var charge = BillingRule.Charge(organisation, student, term, studentIntervals, zone);
                if (charge is null && existing.ContainsKey(id)) staleCharges.Add(id);
                else if (charge is not null && (!existing.TryGetValue(id, out var known) || known != Fingerprint(charge))) changedCharges.Add(charge);
            }
        }

        if (staleCharges.Count > 0) session.DeleteWhere<TermCharge>(c => c.Id.IsOneOf(staleCharges.ToArray()));
        if (changedCharges.Count <= BulkFrom) session.StoreObjects(changedCharges);
        // Many charges at once go by COPY, committed ahead of the calendar: the organisation's lock is still held, and a
        // failure before the calendar commits retries the message, which finds these charges already written.
        else await session.DocumentStore.BulkInsertDocumentsAsync(organisation.ToString(), changedCharges, BulkInsertMode.OverwriteExisting,
            10_000, cancellation);
    }

    private const int BulkFrom = 1_000;

    private static string Fingerprint(TermCharge charge) =>
        $"{charge.SchoolId}|{string.Join(';', charge.Intervals.Select(i => $"{i.SchoolId},{i.From.UtcTicks},{i.To?.UtcTicks}"))}";
}
