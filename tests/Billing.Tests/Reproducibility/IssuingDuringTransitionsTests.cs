using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Computing;
using Portal.Billing.Ledger;
using Portal.Billing.Ledger.History;
using Portal.Billing.Tests.Api;
using Portal.Billing.Tests.InvoicesApi;
using Portal.Billing.Tests.LedgerApi;
using Portal.Institution.Contracts;
using static Portal.Billing.Tests.Reproducibility.History;

namespace Portal.Billing.Tests.Reproducibility;

/// <summary>
/// An invoice issued while a login transition is being recorded: the issue waits for it, so the transitions recorded
/// before the invoice's event are exactly those it counted (otherwise a transition could take an earlier place in the
/// event sequence than the invoice yet commit after the invoice read the ledger, and the history would not reproduce it).
/// </summary>
[Collection(BillingApiCollection.Name)]
public sealed class IssuingDuringTransitionsTests(BillingApi api)
{
    private readonly LedgerFeed feed = new(api);
    private readonly Guid school = Guid.NewGuid(), first = Guid.NewGuid(), second = Guid.NewGuid();

    [Fact]
    public async Task Issuing_waits_for_a_transition_in_flight_and_counts_it_as_the_history_before_the_invoice_does()
    {
        await feed.Handled(
            await feed.Calendar(1, Autumn2025),
            await feed.Publish(new InstitutionRegistered(feed.Org, school, "Northfield Academy", "NFA", "secondary", [], Day(2025, 6, 1))),
            await feed.Enabled(first, school, 1, Day(2025, 9, 10)));
        var zone = api.Services.GetRequiredService<BillingTimeZone>().Zone;

        Invoice issued;
        await using (var inFlight = api.Store.LightweightSession(feed.Org.ToString()))
        {
            await LoginTransitions.RecordAsync(inFlight, feed.Org,
                new RecordLoginTransition(second, school, true, null, 1, Day(2025, 10, 1)), zone, default);
            var issuing = api.Issue(feed.Org, Autumn2025.TermId);
            await UntilSomeoneWaitsForAnAdvisoryLock();
            Assert.False(issuing.IsCompleted);
            await inFlight.SaveChangesAsync();
            issued = await (await issuing).ReadInvoice();
        }

        Assert.Equal([Charge(school, "Northfield Academy", "NFA", 2)], issued.Lines);
        await using var session = api.Store.QuerySession(feed.Org.ToString());
        var recomputed = await InvoiceReplay.RecomputeFromHistoryAsync(session, issued, zone, default);
        Assert.Equal(issued.Lines, recomputed.Lines);
        Assert.Equal((issued.NetPence, issued.VatPence, issued.GrossPence), (recomputed.NetPence, recomputed.VatPence, recomputed.GrossPence));
    }

    private async Task UntilSomeoneWaitsForAnAdvisoryLock()
    {
        var database = api.Services.GetRequiredService<NpgsqlDataSource>();
        for (var i = 0; i < 600; i++)
        {
            await using var command = database.CreateCommand(
                "select count(*) from pg_locks l join pg_database d on d.oid = l.database " +
                "where l.locktype = 'advisory' and not l.granted and d.datname = current_database()");
            if ((long)(await command.ExecuteScalarAsync() ?? 0L) > 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("Issuing never waited for the organisation's ledger lock held by the transition in flight.");
    }
}
