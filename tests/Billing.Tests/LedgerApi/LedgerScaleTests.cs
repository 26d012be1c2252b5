using Marten;
using Portal.Billing.Ledger.History;
using Portal.Billing.Tests.Api;
using Weasel.Core;
using static Portal.Billing.Tests.LedgerApi.LedgerFeed;

namespace Portal.Billing.Tests.LedgerApi;

/// <summary>
/// The calendar path at a size that takes its batched writes (COPY) rather than the session's: 21,000 students, seeded
/// as recorded histories straight into the store (measured at 100,000: about 14 s for a first calendar, 4 s for a moved term).
/// </summary>
[Collection(BillingApiCollection.Name)]
public sealed class LedgerScaleTests(BillingApi api)
{
    [Fact]
    public async Task A_calendar_change_re_decides_twenty_one_thousand_students()
    {
        var feed = new LedgerFeed(api);
        var school = Guid.NewGuid();
        // Student i is enabled for one day, on day 1 + i % 30 after the term's first instant.
        var histories = Enumerable.Range(0, 21_000).Select(i => new LoginHistoryState(Guid.NewGuid(),
        [
            new LoginTransition(1, true, school, Autumn2026Starts.AddDays(1 + i % 30)),
            new LoginTransition(2, false, school, Autumn2026Starts.AddDays(2 + i % 30)),
        ])).ToList();
        await api.Store.BulkInsertDocumentsAsync(feed.Org.ToString(), histories, BulkInsertMode.InsertsOnly, 10_000);

        await feed.Handled(await feed.Calendar(1, Autumn2026));
        Assert.Equal(21_000, (await feed.Charges(Autumn2026)).Count);

        // From 11 September only those enabled on day 10 or later still overlap: 21 of every 30.
        await feed.Handled(await feed.Calendar(2, Autumn2026 with { Start = new DateOnly(2026, 9, 11) }));
        var charges = await feed.Charges(Autumn2026);
        Assert.Equal(14_700, charges.Count);
        Assert.All(charges, c => Assert.True(c.Intervals.Single().From >= Autumn2026Starts.AddDays(10)));
    }
}
