using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Billing.Contracts;
using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Issuing;
using Portal.Billing.Tests.Api;

namespace Portal.Billing.Tests.InvoicesApi;

[Collection(BillingApiCollection.Name)]
public sealed class AutomaticIssuingTests(BillingApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task Invoices_issue_themselves_once_the_grace_period_after_the_term_is_over()
    {
        await given.Terms();
        await given.Charges("2026-autumn", await given.School(), 3, new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero));
        var invoice = InvoiceIds.For(given.Org, "2026-autumn");
        // Autumn 2026 ends on 18 December; seven days' grace after that day runs out at midnight on 26 December.
        var lastMomentOfGrace = new DateTimeOffset(2026, 12, 25, 23, 59, 59, TimeSpan.Zero);

        Assert.DoesNotContain(await api.AutomaticIssuing().IssueDueAsync(lastMomentOfGrace, default), i => i.Id == invoice);
        var issued = Assert.Single(await api.AutomaticIssuing().IssueDueAsync(lastMomentOfGrace.AddSeconds(1), default), i => i.Id == invoice);
        Assert.DoesNotContain(await api.AutomaticIssuing().IssueDueAsync(lastMomentOfGrace.AddDays(1), default), i => i.Id == invoice);

        var seen = await (await api.Customer(given.Org).GetAsync($"/invoices/{invoice}")).ReadInvoice();
        Assert.Equal((InvoiceStatus.Issued, issued.Number, new DateOnly(2026, 12, 26), 150L), (seen.Status, seen.Number, seen.IssueDate, seen.NetPence));
        await api.Bus.WaitFor<InvoiceIssued>(m => m.InvoiceId == invoice);
    }

    [Fact]
    public async Task The_background_check_runs_every_interval_on_the_services_clock()
    {
        await given.Terms(InvoiceCalls.Ended);
        await given.Charges(InvoiceCalls.Ended.TermId, await given.School(), 2, InvoiceCalls.Yesterday);
        var invoice = InvoiceIds.For(given.Org, InvoiceCalls.Ended.TermId);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var service = new AutomaticIssuingService(api.AutomaticIssuing(), clock,
            Options.Create(new InvoiceOptions { IssueCheckInterval = TimeSpan.FromMinutes(10) }), NullLogger<AutomaticIssuingService>.Instance);

        await service.StartAsync(default);
        await Task.Delay(500);
        await using (var before = api.Store.QuerySession(given.Org.ToString()))
            Assert.Null(await before.LoadAsync<Invoice>(invoice)); // the first check waits one interval
        clock.Advance(TimeSpan.FromMinutes(10));
        var issued = await api.Eventually(given.Org, s => s.LoadAsync<Invoice>(invoice), _ => true);
        await service.StopAsync(default);

        Assert.NotNull(issued);
        Assert.Equal(clock.Now, issued.IssuedAt);
    }
}
