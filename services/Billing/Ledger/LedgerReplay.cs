using Marten;
using Marten.Events;
using Portal.Billing.Ledger.History;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Ledger;

/// <summary>
/// The ledger recomputed from scratch: every recorded login transition of the organisation, folded per student and put
/// through <see cref="BillingRule"/>, without reading a single projected document. What the projection keeps must
/// equal this, and an invoice recomputed from it must equal the stored one.
/// </summary>
public static class LedgerReplay
{
    /// <summary>Pure: the term's charges from the raw events (any order, duplicates included; other events are ignored).</summary>
    public static IReadOnlyList<TermCharge> Recompute(Guid organisation, BillingTerm term, IEnumerable<object> events, TimeZoneInfo zone) =>
        events
            .Where(e => e is LoginEnabledRecorded or LoginDisabledRecorded)
            .GroupBy(e => e switch { LoginEnabledRecorded x => x.StudentId, LoginDisabledRecorded x => x.StudentId, _ => Guid.Empty })
            .Select(student => BillingRule.Charge(organisation, student.Key, term,
                BillingRule.Intervals(LoginHistory.After(null, student).Transitions), zone))
            .OfType<TermCharge>()
            .OrderBy(c => c.StudentId)
            .ToList();

    /// <summary>Loads every login-history event of the session's organisation and recomputes the term's charges.</summary>
    public static async Task<IReadOnlyList<TermCharge>> RecomputeAsync(
        IQuerySession session, Guid organisation, string termId, TimeZoneInfo zone, CancellationToken cancellation)
    {
        var calendar = await session.LoadAsync<BillingTermCalendar>(organisation, cancellation);
        var term = calendar?.Find(termId) ?? throw new NotFound($"The organisation has no term '{termId}' in its calendar.");
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(LoginEnabledRecorded), typeof(LoginDisabledRecorded)))
            .ToListAsync(cancellation);
        return Recompute(organisation, term, events.Select(e => e.Data), zone);
    }
}
