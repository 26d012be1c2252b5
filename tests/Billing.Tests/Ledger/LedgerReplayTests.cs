using Portal.Billing.Ledger;
using Portal.Billing.Ledger.History;
using Portal.Billing.Terms;

namespace Portal.Billing.Tests.Ledger;

public sealed class LedgerReplayTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly BillingTerm Autumn = new("2026-autumn", "Autumn 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18));
    private static readonly DateTimeOffset Start = new(2026, 8, 31, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Replaying_duplicated_and_shuffled_events_gives_each_billable_student_one_charge()
    {
        Guid org = Guid.NewGuid(), school = Guid.NewGuid(), counted = Guid.NewGuid(), gone = Guid.NewGuid();
        object[] events =
        [
            new LoginDisabledRecorded(counted, school, "left", 2, Start.AddDays(9)),
            new LoginEnabledRecorded(gone, school, 1, Start.AddDays(-40)),
            new LoginEnabledRecorded(counted, school, 3, Start.AddDays(20)),
            new LoginEnabledRecorded(counted, school, 1, Start.AddDays(-3)),
            new LoginEnabledRecorded(counted, school, 1, Start.AddDays(-3)),
            new LoginDisabledRecorded(gone, school, "left", 2, Start),
            "an unrelated event",
        ];

        var charge = Assert.Single(LedgerReplay.Recompute(org, Autumn, events, London));

        Assert.Equal(counted, charge.StudentId);
        Assert.Equal([new LoginInterval(school, Start, Start.AddDays(9)), new LoginInterval(school, Start.AddDays(20), null)], charge.Intervals);
    }
}
