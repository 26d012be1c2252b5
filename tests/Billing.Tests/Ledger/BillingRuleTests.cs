using Portal.Billing.Ledger;
using Portal.Billing.Ledger.History;
using Portal.Billing.Terms;

namespace Portal.Billing.Tests.Ledger;

/// <summary>The rule's edges, in the default zone (Europe/London: the autumn term starts at 23:00 UTC, BST, and ends at midnight UTC, GMT).</summary>
public sealed class BillingRuleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly BillingTerm Autumn = new("2026-autumn", "Autumn 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18));
    private static readonly DateTimeOffset FirstInstant = new(2026, 8, 31, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EndInstant = new(2026, 12, 19, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Org = Guid.NewGuid(), Student = Guid.NewGuid(), Northfield = Guid.NewGuid(), Southfield = Guid.NewGuid();

    private static TermCharge? ChargeAfter(params LoginTransition[] transitions) =>
        BillingRule.Charge(Org, Student, Autumn, BillingRule.Intervals(transitions), London);

    private static LoginTransition On(long version, DateTimeOffset at, Guid? school = null) => new(version, true, school ?? Northfield, at);

    private static LoginTransition Off(long version, DateTimeOffset at) => new(version, false, Northfield, at);

    [Fact]
    public void Term_days_are_local_calendar_days_converted_to_utc() =>
        Assert.Equal(new TermWindow(FirstInstant, EndInstant), BillingRule.WindowOf(Autumn, London));

    [Fact]
    public void Enabled_before_the_term_and_disabled_at_the_first_instant_of_its_first_day_is_not_billable() =>
        Assert.Null(ChargeAfter(On(1, FirstInstant.AddMonths(-2)), Off(2, FirstInstant)));

    [Fact]
    public void Enabled_before_the_term_and_disabled_during_its_first_day_is_billable_for_the_part_inside_it()
    {
        var charge = ChargeAfter(On(1, FirstInstant.AddMonths(-2)), Off(2, FirstInstant.AddHours(9)));
        Assert.NotNull(charge);
        Assert.Equal([new LoginInterval(Northfield, FirstInstant, FirstInstant.AddHours(9))], charge.Intervals);
        Assert.Equal(TermCharge.IdOf("2026-autumn", Student), charge.Id);
    }

    [Fact]
    public void Enabled_on_the_last_day_is_billable_and_the_open_interval_keeps_no_end()
    {
        var charge = ChargeAfter(On(1, EndInstant.AddHours(-2)));
        Assert.NotNull(charge);
        Assert.Equal([new LoginInterval(Northfield, EndInstant.AddHours(-2), null)], charge.Intervals);
    }

    [Fact]
    public void Enabled_at_the_instant_the_term_ends_is_not_billable() => Assert.Null(ChargeAfter(On(1, EndInstant)));

    [Fact]
    public void Disabled_and_enabled_again_at_the_same_instant_inside_the_term_is_no_time_at_all() =>
        Assert.Null(ChargeAfter(On(1, FirstInstant.AddDays(3)), Off(2, FirstInstant.AddDays(3))));

    [Fact]
    public void Disabled_and_re_enabled_inside_the_term_is_one_charge_with_both_intervals()
    {
        var charge = ChargeAfter(On(1, FirstInstant.AddDays(-10)), Off(2, FirstInstant.AddDays(5)), On(3, FirstInstant.AddDays(20)),
            Off(4, EndInstant.AddDays(30)));
        Assert.NotNull(charge);
        Assert.Equal([new LoginInterval(Northfield, FirstInstant, FirstInstant.AddDays(5)), new LoginInterval(Northfield, FirstInstant.AddDays(20), EndInstant)],
            charge.Intervals);
    }

    [Fact]
    public void Moved_school_mid_term_is_charged_once_at_the_latest_school()
    {
        var charge = ChargeAfter(On(1, FirstInstant.AddDays(2)), On(2, FirstInstant.AddDays(40), Southfield));
        Assert.NotNull(charge);
        Assert.Equal(Southfield, charge.SchoolId);
        Assert.Equal([new LoginInterval(Northfield, FirstInstant.AddDays(2), FirstInstant.AddDays(40)), new LoginInterval(Southfield, FirstInstant.AddDays(40), null)],
            charge.Intervals);
    }

    [Fact]
    public void A_school_outside_the_term_does_not_decide_the_line()
    {
        var charge = ChargeAfter(On(1, FirstInstant.AddDays(2)), On(2, EndInstant.AddDays(3), Southfield));
        Assert.Equal(Northfield, charge?.SchoolId);
    }

    [Fact]
    public void A_term_whose_dates_change_is_decided_again_on_the_new_dates()
    {
        LoginTransition[] history = [On(1, FirstInstant.AddDays(1)), Off(2, FirstInstant.AddDays(4))];
        var intervals = BillingRule.Intervals(history);
        Assert.NotNull(BillingRule.Charge(Org, Student, Autumn, intervals, London));
        Assert.Null(BillingRule.Charge(Org, Student, Autumn with { Start = new DateOnly(2026, 9, 7) }, intervals, London));
    }

    [Fact]
    public void Intervals_follow_identitys_version_order_not_the_order_of_arrival()
    {
        LoginTransition[] arrived = [Off(2, FirstInstant.AddDays(-5)), On(3, EndInstant.AddDays(1)), On(1, FirstInstant.AddDays(-30))];
        Assert.Equal([new LoginInterval(Northfield, FirstInstant.AddDays(-30), FirstInstant.AddDays(-5)), new LoginInterval(Northfield, EndInstant.AddDays(1), null)],
            BillingRule.Intervals(arrived));
        Assert.Null(ChargeAfter(arrived));
    }

    [Fact]
    public void Term_days_follow_the_configured_zone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 4, 0, 0, TimeSpan.Zero), BillingRule.WindowOf(Autumn, newYork).Start);
        Assert.Null(BillingRule.Charge(Org, Student, Autumn, BillingRule.Intervals([On(1, FirstInstant.AddMonths(-1)), Off(2, FirstInstant.AddHours(4))]), newYork));
    }
}
