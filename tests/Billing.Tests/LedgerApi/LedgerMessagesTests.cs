using Portal.Billing.Ledger;
using Portal.Billing.Ledger.History;
using Portal.Billing.Tests.Api;
using static Portal.Billing.Tests.LedgerApi.LedgerFeed;

namespace Portal.Billing.Tests.LedgerApi;

/// <summary>Identity's and Institution's messages through real RabbitMQ into the ledger's history and TermCharges.</summary>
[Collection(BillingApiCollection.Name)]
public sealed class LedgerMessagesTests(BillingApi api)
{
    private readonly LedgerFeed feed = new(api);
    private readonly Guid student = Guid.NewGuid(), school = Guid.NewGuid();

    [Fact]
    public async Task Duplicate_and_redelivered_messages_record_each_transition_once_and_charge_once()
    {
        await feed.Handled(await feed.Calendar(1, Autumn2026));
        var enabled = await feed.Enabled(student, school, 1, Autumn2026Starts.AddDays(2));
        await feed.Handled(enabled,
            await feed.Publish(new Identity.Contracts.StudentLoginEnabled(feed.Org, student, school, "x", 1, Autumn2026Starts.AddDays(2)), enabled),
            await feed.Enabled(student, school, 1, Autumn2026Starts.AddDays(2)),
            await feed.Disabled(student, school, 2, Autumn2026Starts.AddDays(6)),
            await feed.Disabled(student, school, 2, Autumn2026Starts.AddDays(6)));

        Assert.Equal([typeof(LoginEnabledRecorded), typeof(LoginDisabledRecorded)], (await feed.History(student)).Select(e => e.GetType()));
        var charge = await feed.Charge(Autumn2026, student);
        Assert.NotNull(charge);
        Assert.Equal([new LoginInterval(school, Autumn2026Starts.AddDays(2), Autumn2026Starts.AddDays(6))], charge.Intervals);
        Assert.Single(await feed.Charges(Autumn2026));
    }

    [Fact]
    public async Task A_disable_that_arrives_before_its_enable_is_put_in_identitys_order()
    {
        await feed.Handled(await feed.Calendar(1, Autumn2026));
        await feed.Handled(await feed.Disabled(student, school, 2, Autumn2026Starts.AddDays(3)));
        await feed.Handled(await feed.Enabled(student, school, 1, Autumn2026Starts.AddDays(1)));

        var charge = await feed.Charge(Autumn2026, student);
        Assert.NotNull(charge);
        Assert.Equal([new LoginInterval(school, Autumn2026Starts.AddDays(1), Autumn2026Starts.AddDays(3))], charge.Intervals);
        await feed.AssertProjectionEqualsReplay(Autumn2026);
    }

    [Fact]
    public async Task A_late_event_re_decides_a_past_term()
    {
        var july = new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero);
        await feed.Handled(await feed.Calendar(1, Autumn2025, Spring2026));
        await feed.Handled(await feed.Enabled(student, school, 1, july), await feed.Enabled(student, school, 3, new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero)));
        Assert.NotNull(await feed.Charge(Autumn2025, student));

        await feed.Handled(await feed.Disabled(student, school, 2, july.AddDays(19)));

        Assert.Null(await feed.Charge(Autumn2025, student));
        Assert.NotNull(await feed.Charge(Spring2026, student));
        await feed.AssertProjectionEqualsReplay(Autumn2025);
        await feed.AssertProjectionEqualsReplay(Spring2026);
    }

    [Fact]
    public async Task A_calendar_change_re_decides_every_student_of_the_organisation_in_the_changed_terms()
    {
        Guid early = Guid.NewGuid(), firstWeek = Guid.NewGuid(), spring = Guid.NewGuid();
        await feed.Handled(await feed.Calendar(1, Autumn2026, Spring2026 with { TermId = "2027-spring", Start = new DateOnly(2027, 1, 4), End = new DateOnly(2027, 3, 26) }));
        await feed.Handled(
            await feed.Enabled(early, school, 1, Autumn2026Starts.AddDays(-10)), await feed.Disabled(early, school, 2, Autumn2026Starts.AddDays(-5)),
            await feed.Enabled(firstWeek, school, 1, Autumn2026Starts.AddDays(1)), await feed.Disabled(firstWeek, school, 2, Autumn2026Starts.AddDays(4)),
            await feed.Enabled(spring, school, 1, new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal([firstWeek], (await feed.Charges(Autumn2026)).Select(c => c.StudentId));

        var movedAutumn = Autumn2026 with { Start = new DateOnly(2026, 8, 24), End = new DateOnly(2026, 8, 31) };
        await feed.Handled(await feed.Calendar(2, movedAutumn));

        Assert.Equal([early], (await feed.Charges(Autumn2026)).Select(c => c.StudentId));
        Assert.Empty(await feed.Charges(Spring2026 with { TermId = "2027-spring" }));
        await feed.AssertProjectionEqualsReplay(movedAutumn);
    }

    [Fact]
    public async Task An_older_calendar_delivered_late_changes_no_charge()
    {
        await feed.Handled(await feed.Calendar(2, Autumn2026));
        await feed.Handled(await feed.Enabled(student, school, 1, Autumn2026Starts.AddDays(1)));
        await feed.Handled(await feed.Calendar(1, Autumn2026 with { Start = new DateOnly(2026, 10, 1) }));

        Assert.NotNull(await feed.Charge(Autumn2026, student));
    }
}
