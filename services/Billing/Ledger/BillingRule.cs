using Portal.Billing.Ledger.History;
using Portal.Billing.Terms;

namespace Portal.Billing.Ledger;

/// <summary>The instants a term covers: from its first day's local midnight to the local midnight after its last day, in UTC.</summary>
public sealed record TermWindow(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The billing rule, pure: a student is billable in a term when an enabled interval of their login overlaps the term
/// for some positive length of time (touching an edge is not overlapping), once per term, on the line of the school of
/// their latest interval inside it.
/// </summary>
public static class BillingRule
{
    /// <summary>Term days are calendar days in the organisation's time zone.</summary>
    public static TermWindow WindowOf(BillingTerm term, TimeZoneInfo zone) =>
        new(MidnightUtc(term.Start, zone), MidnightUtc(term.End.AddDays(1), zone));

    /// <summary>Enabled intervals from transitions taken in Identity's version order; an enable at another school while enabled is a move.</summary>
    public static IReadOnlyList<LoginInterval> Intervals(IEnumerable<LoginTransition> transitions)
    {
        var intervals = new List<LoginInterval>();
        (Guid School, DateTimeOffset From)? open = null;
        foreach (var t in transitions.OrderBy(t => t.Version))
        {
            if (open is { } current && (!t.Enabled || t.SchoolId != current.School))
            {
                // Identity's clock orders its versions; should it ever disagree, an interval shrinks to nothing rather than runs backwards.
                intervals.Add(new LoginInterval(current.School, current.From, Max(current.From, t.At)));
                open = null;
            }
            if (t.Enabled && open is null) open = (t.SchoolId, t.At);
        }
        if (open is { } still) intervals.Add(new LoginInterval(still.School, still.From, null));
        return intervals;
    }

    /// <summary>
    /// The student's charge for the term, or null when not billable. Intervals are clipped to the term; one still open
    /// keeps no end (enabled until further notice), so a current or future term's charge holds as long as nothing changes.
    /// </summary>
    public static TermCharge? Charge(Guid organisation, Guid student, BillingTerm term, IReadOnlyList<LoginInterval> intervals, TimeZoneInfo zone)
    {
        var window = WindowOf(term, zone);
        var inside = intervals
            .Select(i => new LoginInterval(i.SchoolId, Max(i.From, window.Start), i.To is { } to ? Min(to, window.End) : null))
            .Where(i => (i.To ?? window.End) > i.From && i.From < window.End)
            .ToList();
        return inside.Count == 0
            ? null
            : new TermCharge(TermCharge.IdOf(term.TermId, student), organisation, term.TermId, student, inside[^1].SchoolId, inside);
    }

    /// <summary>The student's charges for each of the terms in which they are billable.</summary>
    public static IEnumerable<TermCharge> Charges(
        Guid organisation, LoginHistoryState history, IEnumerable<BillingTerm> terms, TimeZoneInfo zone)
    {
        var intervals = Intervals(history.Transitions);
        foreach (var term in terms)
            if (Charge(organisation, history.Id, term, intervals, zone) is { } charge)
                yield return charge;
    }

    private static DateTimeOffset MidnightUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a zone skips midnight (a DST jump at 00:00), the day starts at the first instant that exists.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
