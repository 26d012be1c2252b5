using System.Net;
using Portal.Billing.Invoices;
using Portal.Billing.Tests.Api;

namespace Portal.Billing.Tests.InvoicesApi;

[Collection(BillingApiCollection.Name)]
public sealed class InvoiceViewingTests(BillingApi api)
{
    private readonly Given given = new(api);
    private static readonly DateTimeOffset September = new(2026, 9, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Organisation_administrators_see_the_terms_draft_counted_per_school()
    {
        await given.Terms();
        var northfield = await given.School("Northfield Academy", "NFA");
        var southgate = await given.School("Southgate School", "SGS");
        await given.Charges("2026-autumn", northfield, 3, September);
        await given.Charges("2026-autumn", southgate, 2, September);
        await given.Charges("2027-spring", southgate, 7, September);

        foreach (var admin in new[] { api.District(given.Org), api.Customer(given.Org), api.Operator(given.Org) })
        {
            var draft = Assert.Single(await (await admin.GetAsync($"/organisations/{given.Org}/invoices?term=2026-autumn")).ReadInvoices());
            Assert.Equal((InvoiceStatus.Draft, null, InvoiceIds.For(given.Org, "2026-autumn")), (draft.Status, draft.Number, draft.Id));
            Assert.Equal([("NFA", 3L, 150L), ("SGS", 2L, 100L)], draft.Lines.Select(l => (l.SchoolCode, l.Quantity, l.NetPence)));
            Assert.Equal((250L, 20m, 50L, 300L), (draft.NetPence, draft.VatRatePercent, draft.VatPence, draft.GrossPence));
            Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18)), (draft.SupplyStart, draft.SupplyEnd));
        }

        var byId = await (await api.District(given.Org).GetAsync($"/invoices/{InvoiceIds.For(given.Org, "2026-autumn")}")).ReadInvoice();
        Assert.Equal(250, byId.NetPence);
    }

    [Fact]
    public async Task The_draft_follows_the_ledger_as_it_changes()
    {
        await given.Terms(InvoiceCalls.Current);
        var school = await given.School();
        var students = await given.Charges("current", school, 4, InvoiceCalls.Yesterday);
        var url = $"/organisations/{given.Org}/invoices?term=current";
        Assert.Equal(4, Assert.Single(await (await api.District(given.Org).GetAsync(url)).ReadInvoices()).Lines.Single().Quantity);

        await given.Uncharge("current", students[0]);
        await given.Charges("current", school, 2, InvoiceCalls.Yesterday);
        Assert.Equal(5, Assert.Single(await (await api.District(given.Org).GetAsync(url)).ReadInvoices()).Lines.Single().Quantity);
    }

    [Fact]
    public async Task Without_a_term_the_list_holds_the_issued_invoices_and_the_current_draft()
    {
        await given.Terms(InvoiceCalls.Ended, InvoiceCalls.EndedLater, InvoiceCalls.Current);
        var school = await given.School();
        await given.Charges(InvoiceCalls.Ended.TermId, school, 2, InvoiceCalls.Yesterday);
        await given.Charges("current", school, 1, InvoiceCalls.Yesterday);
        var issued = await (await api.Issue(given.Org, InvoiceCalls.Ended.TermId)).ReadInvoice();

        var all = await (await api.Customer(given.Org).GetAsync($"/organisations/{given.Org}/invoices")).ReadInvoices();

        // The spring term ended with nothing to bill, so it has no draft worth showing.
        Assert.Equal([(InvoiceCalls.Ended.TermId, InvoiceStatus.Issued, issued.Number), ("current", InvoiceStatus.Draft, null)],
            all.Select(i => (i.TermId, i.Status, i.Number)));
    }

    [Fact]
    public async Task Another_organisations_invoices_are_not_found()
    {
        await given.Terms();
        await given.Charges("2026-autumn", await given.School(), 1, September);
        var other = new Given(api);
        await other.Terms();

        await (await api.District(other.Org).GetAsync($"/organisations/{given.Org}/invoices?term=2026-autumn"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Organisation {given.Org} was not found");
        var invoice = InvoiceIds.For(given.Org, "2026-autumn");
        await (await api.Customer(other.Org).GetAsync($"/invoices/{invoice}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Invoice {invoice} was not found");
        await (await api.District(given.Org).GetAsync($"/organisations/{given.Org}/invoices?term=2031-autumn"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "no term '2031-autumn'");
    }

    [Fact]
    public async Task Teachers_and_building_administrators_may_not_read_invoices()
    {
        await given.Terms();
        var school = await given.School();
        foreach (var staff in new[] { api.Teacher(given.Org, school), api.Building(given.Org, school) })
        {
            await (await staff.GetAsync($"/organisations/{given.Org}/invoices")).ShouldBeProblem(HttpStatusCode.Forbidden, "Viewing the organization's invoices");
            await (await staff.GetAsync($"/invoices/{InvoiceIds.For(given.Org, "2026-autumn")}"))
                .ShouldBeProblem(HttpStatusCode.Forbidden, "Viewing the organization's invoices");
            await (await staff.GetAsync("/invoices?term=2026-autumn")).ShouldBeProblem(HttpStatusCode.Forbidden, "billing-read");
        }
        await (await api.Anonymous().GetAsync($"/organisations/{given.Org}/invoices")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
