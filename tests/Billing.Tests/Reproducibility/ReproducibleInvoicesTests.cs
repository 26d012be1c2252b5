using Marten;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Computing;
using Portal.Billing.Ledger;
using Portal.Billing.Tests.Api;
using Portal.Billing.Tests.InvoicesApi;
using Portal.Billing.Tests.LedgerApi;
using Portal.Identity.Contracts;
using Portal.Institution.Contracts;
using static Portal.Billing.Tests.Reproducibility.History;

namespace Portal.Billing.Tests.Reproducibility;

/// <summary>
/// One organisation's history through the real consumers (RabbitMQ) and the issue endpoint: enables, disables,
/// re-enables, a move, duplicate deliveries, a late event for an invoiced term and a term change. Every invoice is
/// checked against figures worked out by hand, then recomputed from the raw login history alone.
/// </summary>
[Collection(BillingApiCollection.Name)]
public sealed class ReproducibleInvoicesTests(BillingApi api)
{
    private readonly LedgerFeed feed = new(api);
    private readonly Guid northfield = Guid.NewGuid(), southgate = Guid.NewGuid();

    // S1 stays enabled; S2 is disabled and re-enabled inside autumn; S3 arrives twice; S4 is disabled on autumn's first
    // day; S5 moves to Southgate; S9 was disabled in August, but that message comes late; S8 is late altogether;
    // S6 is enabled only in the days the term change cuts from spring; S7 for one day in spring.
    private readonly Guid s1 = Guid.NewGuid(), s2 = Guid.NewGuid(), s3 = Guid.NewGuid(), s4 = Guid.NewGuid(), s5 = Guid.NewGuid(),
        s6 = Guid.NewGuid(), s7 = Guid.NewGuid(), s8 = Guid.NewGuid(), s9 = Guid.NewGuid();

    [Fact]
    public async Task Invoices_after_a_history_of_changes_equal_their_hand_computed_figures_and_their_recomputation_from_the_events()
    {
        await feed.Handled(
            await feed.Calendar(1, Autumn2025, Spring2026AsFirstPublished),
            await feed.Publish(new InstitutionRegistered(feed.Org, northfield, "Northfield Academy", "NFA", "secondary", [], Day(2025, 6, 1))),
            await feed.Publish(new InstitutionRegistered(feed.Org, southgate, "Southgate School", "SGS", "secondary", [], Day(2025, 6, 1))));

        var s3Enabled = new StudentLoginEnabled(feed.Org, s3, southgate, "s3@students.example", 1, Day(2025, 10, 6));
        var s3Message = await feed.Publish(s3Enabled);
        var s2Disabled = await feed.Disabled(s2, northfield, 2, Day(2025, 10, 1));
        await feed.Handled(
            await feed.Enabled(s1, northfield, 1, Day(2025, 9, 10)),
            await feed.Enabled(s2, northfield, 1, Day(2025, 9, 15)), s2Disabled,
            await feed.Enabled(s2, northfield, 3, Day(2025, 11, 3)), await feed.Disabled(s2, northfield, 4, Day(2025, 11, 20)),
            await feed.Publish(new StudentLoginDisabled(feed.Org, s2, northfield, "left", 2, Day(2025, 10, 1)), s2Disabled),
            s3Message, await feed.Publish(s3Enabled, s3Message),
            await feed.Enabled(s4, southgate, 1, Day(2025, 7, 1)), await feed.Disabled(s4, southgate, 2, Day(2025, 9, 1)),
            await feed.Enabled(s5, northfield, 1, Day(2025, 9, 20)), await feed.Enabled(s5, southgate, 2, Day(2025, 11, 10)),
            await feed.Enabled(s9, northfield, 1, Day(2025, 8, 1)));

        var autumn = await (await api.Issue(feed.Org, Autumn2025.TermId)).ReadInvoice();

        InvoiceLine[] autumnLines = [Charge(northfield, "Northfield Academy", "NFA", 3), Charge(southgate, "Southgate School", "SGS", 3)];
        Assert.Equal(autumnLines, autumn.Lines);
        Assert.Equal((300L, 60L, 360L, 50L, 20m), (autumn.NetPence, autumn.VatPence, autumn.GrossPence, autumn.UnitPence, autumn.VatRatePercent));

        await feed.Handled(
            await feed.Enabled(s8, southgate, 1, Day(2025, 11, 12)), await feed.Disabled(s8, southgate, 2, Day(2025, 12, 1)),
            await feed.Disabled(s9, northfield, 2, Day(2025, 8, 20)),
            await feed.Enabled(s6, northfield, 1, Day(2026, 3, 23)), await feed.Disabled(s6, northfield, 2, Day(2026, 3, 26)),
            await feed.Enabled(s7, northfield, 1, Day(2026, 2, 2)), await feed.Disabled(s7, northfield, 2, Day(2026, 2, 3)));
        Assert.Equal(new Dictionary<Guid, long> { [northfield] = 3, [southgate] = 2 }, Counted(await feed.Charges(Spring2026AsFirstPublished)));
        await feed.Handled(await feed.Calendar(2, Autumn2025, Spring2026));

        var spring = await (await api.Issue(feed.Org, Spring2026.TermId)).ReadInvoice();

        InvoiceLine[] springLines =
        [
            Charge(northfield, "Northfield Academy", "NFA", 2), Charge(southgate, "Southgate School", "SGS", 2),
            Adjustment(northfield, "Northfield Academy", "NFA", -1, autumn.Number!,
                $"Adjustment for Autumn 2025 (invoice {autumn.Number}): 1 student no longer billable since the invoice was issued"),
            Adjustment(southgate, "Southgate School", "SGS", 1, autumn.Number!,
                $"Adjustment for Autumn 2025 (invoice {autumn.Number}): 1 student enabled after the invoice was issued"),
        ];
        Assert.Equal(springLines, spring.Lines);
        Assert.Equal((200L, 40L, 240L), (spring.NetPence, spring.VatPence, spring.GrossPence));
        Assert.True(spring.Sequence > autumn.Sequence);
        Assert.Equal((Spring2026.Start, Spring2026.End), (spring.SupplyStart, spring.SupplyEnd));

        await using var session = api.Store.QuerySession(feed.Org.ToString());
        var zone = api.Services.GetRequiredService<BillingTimeZone>().Zone;
        foreach (var invoice in new[] { autumn, spring })
        {
            var stored = await session.LoadAsync<Invoice>(invoice.Id) ?? throw new InvalidOperationException($"{invoice.Number} is not stored.");
            var recomputed = await InvoiceReplay.RecomputeFromHistoryAsync(session, stored, zone, default);
            Assert.Equal(stored.Lines, recomputed.Lines);
            Assert.Equal(Totals(stored), Totals(recomputed));
        }
        Assert.Equal(autumnLines, (await session.LoadAsync<Invoice>(autumn.Id))!.Lines);

        // The history now bills autumn differently from its invoice: the adjustments above are that difference.
        await feed.AssertProjectionEqualsReplay(Autumn2025);
        await feed.AssertProjectionEqualsReplay(Spring2026);
        var autumnNow = await LedgerReplay.RecomputeAsync(session, feed.Org, Autumn2025.TermId, zone, default);
        Assert.Equal(new Dictionary<Guid, long> { [northfield] = 2, [southgate] = 4 }, Counted(autumnNow));
    }

    private static Dictionary<Guid, long> Counted(IEnumerable<TermCharge> charges) =>
        charges.GroupBy(c => c.SchoolId).ToDictionary(g => g.Key, g => (long)g.Count());

    private static object Totals(Invoice i) => (i.Id, i.OrganisationId, i.Status, i.Number, i.Sequence, i.TermId, i.TermName, i.SupplyStart,
        i.SupplyEnd, i.IssuedAt, i.UnitPence, i.VatRatePercent, i.NetPence, i.VatPence, i.GrossPence);
}

/// <summary>The terms and instants of the history (noon UTC keeps every instant clear of London's midnights).</summary>
internal static class History
{
    public static readonly Terms.BillingTerm Autumn2025 = LedgerFeed.Autumn2025;
    public static readonly Terms.BillingTerm Spring2026AsFirstPublished = LedgerFeed.Spring2026;

    /// <summary>The term change: Institution moves spring's last day a week earlier.</summary>
    public static readonly Terms.BillingTerm Spring2026 = LedgerFeed.Spring2026 with { End = new DateOnly(2026, 3, 20) };

    public static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    public static InvoiceLine Charge(Guid school, string name, string code, long quantity) =>
        new(InvoiceLineKind.Charge, school, name, code, quantity, 50, quantity * 50);

    public static InvoiceLine Adjustment(Guid school, string name, string code, long quantity, string adjustedInvoice, string explanation) =>
        new(InvoiceLineKind.Adjustment, school, name, code, quantity, 50, quantity * 50, "2025-autumn", adjustedInvoice, explanation);
}
