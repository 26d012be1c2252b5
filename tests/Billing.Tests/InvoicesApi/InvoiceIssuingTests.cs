using System.Net;
using Portal.Billing.Contracts;
using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Computing;
using Portal.Billing.Tests.Api;

namespace Portal.Billing.Tests.InvoicesApi;

[Collection(BillingApiCollection.Name)]
public sealed class InvoiceIssuingTests(BillingApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task An_operator_issues_an_ended_terms_invoice_once_and_it_is_published_once()
    {
        await given.Terms(InvoiceCalls.Ended, InvoiceCalls.Current);
        await given.Charges(InvoiceCalls.Ended.TermId, await given.School("Northfield Academy", "NFA"), 5, InvoiceCalls.Yesterday);

        var issued = await (await api.Issue(given.Org, InvoiceCalls.Ended.TermId)).ReadInvoice();

        Assert.Equal(InvoiceStatus.Issued, issued.Status);
        Assert.Matches("^PTL-[0-9]{6}$", issued.Number);
        Assert.Equal(InvoiceIds.NumberOf(issued.Sequence!.Value), issued.Number);
        Assert.Equal((250L, 50L, 300L), (issued.NetPence, issued.VatPence, issued.GrossPence));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), issued.IssueDate);
        var seen = Assert.Single(await (await api.District(given.Org).GetAsync(
            $"/organisations/{given.Org}/invoices?term={InvoiceCalls.Ended.TermId}")).ReadInvoices());
        Assert.Equal((InvoiceStatus.Issued, issued.Number, issued.IssuedAt), (seen.Status, seen.Number, seen.IssuedAt));

        await (await api.Issue(given.Org, InvoiceCalls.Ended.TermId))
            .ShouldBeProblem(HttpStatusCode.Conflict, $"was issued as {issued.Number}");
        var message = await api.Bus.WaitFor<InvoiceIssued>(m => m.InvoiceId == issued.Id);
        Assert.Equal((given.Org, issued.Number, InvoiceCalls.Ended.TermId, 250L, 50L, 300L),
            (message.OrganisationId, message.InvoiceNumber, message.TermId, message.NetPence, message.VatPence, message.GrossPence));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(api.Bus.All<InvoiceIssued>(), m => m.InvoiceId == issued.Id);
    }

    [Fact]
    public async Task A_term_not_yet_ended_or_with_nothing_to_bill_is_not_issued()
    {
        await given.Terms(InvoiceCalls.Ended, InvoiceCalls.Current);
        await given.Charges("current", await given.School(), 5, InvoiceCalls.Yesterday);

        await (await api.Issue(given.Org, "current"))
            .ShouldBeProblem(HttpStatusCode.Conflict, $"its invoice can be issued from {InvoiceCalls.Current.End.AddDays(1):yyyy-MM-dd}");
        await (await api.Issue(given.Org, InvoiceCalls.Ended.TermId)).ShouldBeProblem(HttpStatusCode.Conflict, "Nothing to invoice");
        await (await api.Operator(given.Org).PostAsync($"/invoices/{Guid.NewGuid()}/issue", null)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_operators_issue_invoices_by_hand()
    {
        await given.Terms(InvoiceCalls.Ended);
        var school = await given.School();
        await given.Charges(InvoiceCalls.Ended.TermId, school, 1, InvoiceCalls.Yesterday);
        var url = $"/invoices/{InvoiceIds.For(given.Org, InvoiceCalls.Ended.TermId)}/issue";
        foreach (var caller in new[] { api.District(given.Org), api.Customer(given.Org), api.Building(given.Org, school), api.Finance() })
            await (await caller.PostAsync(url, null)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Late_changes_to_an_issued_term_are_carried_once_on_the_next_invoice()
    {
        await given.Terms(InvoiceCalls.Ended, InvoiceCalls.EndedLater, InvoiceCalls.Current);
        var northfield = await given.School("Northfield Academy", "NFA");
        var southgate = await given.School("Southgate School", "SGS");
        await given.Charges(InvoiceCalls.Ended.TermId, northfield, 3, InvoiceCalls.Yesterday);
        var southgateStudents = await given.Charges(InvoiceCalls.Ended.TermId, southgate, 2, InvoiceCalls.Yesterday);
        var first = await (await api.Issue(given.Org, InvoiceCalls.Ended.TermId)).ReadInvoice();

        await given.Charges(InvoiceCalls.Ended.TermId, northfield, 2, InvoiceCalls.Yesterday);
        await given.Uncharge(InvoiceCalls.Ended.TermId, southgateStudents[0]);
        await given.Charges(InvoiceCalls.EndedLater.TermId, northfield, 1, InvoiceCalls.Yesterday);

        var firstNow = await (await api.District(given.Org).GetAsync($"/invoices/{first.Id}")).ReadInvoice();
        Assert.Equal((first.NetPence, first.Lines.Count), (firstNow.NetPence, firstNow.Lines.Count));

        var second = await (await api.Issue(given.Org, InvoiceCalls.EndedLater.TermId)).ReadInvoice();
        Assert.Equal(
        [
            (InvoiceLineKind.Charge, "NFA", 1L, 50L, (string?)null),
            (InvoiceLineKind.Adjustment, "NFA", 2L, 100L, $"Adjustment for Autumn 2025 (invoice {first.Number}): 2 students enabled after the invoice was issued"),
            (InvoiceLineKind.Adjustment, "SGS", -1L, -50L, $"Adjustment for Autumn 2025 (invoice {first.Number}): 1 student no longer billable since the invoice was issued"),
        ], second.Lines.Select(l => (l.Kind, l.SchoolCode, l.Quantity, l.NetPence, l.Explanation)));
        Assert.Equal((100L, 20L, 120L), (second.NetPence, second.VatPence, second.GrossPence));

        var next = Assert.Single(await (await api.District(given.Org).GetAsync($"/organisations/{given.Org}/invoices?term=current")).ReadInvoices());
        Assert.Empty(next.Lines);
    }

    [Fact]
    public async Task Invoices_issued_at_once_get_consecutive_numbers_and_one_invoice_is_issued_only_once()
    {
        var organisations = new List<Given> { given, new(api), new(api), new(api) };
        foreach (var organisation in organisations)
        {
            await organisation.Terms(InvoiceCalls.Ended);
            await organisation.Charges(InvoiceCalls.Ended.TermId, await organisation.School(), 2, InvoiceCalls.Yesterday);
        }

        var answers = await Task.WhenAll(organisations.Select(o => o.Org).Append(given.Org)
            .Select(org => api.Issue(org, InvoiceCalls.Ended.TermId)));

        var issued = new List<Invoice>();
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK)) issued.Add(await answer.ReadInvoice());
        Assert.Equal(organisations.Select(o => o.Org).Order(), issued.Select(i => i.OrganisationId).Order());
        await Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.Conflict, "was issued as");
        var sequences = issued.Select(i => i.Sequence!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(0, organisations.Count).Select(i => sequences[0] + i), sequences);
    }

    [Fact]
    public async Task An_issued_invoice_computed_again_from_the_ledger_equals_the_stored_one_to_the_penny()
    {
        await given.Terms(InvoiceCalls.Ended, InvoiceCalls.EndedLater);
        var northfield = await given.School("Northfield Academy", "NFA");
        var southgate = await given.School("Southgate School", "SGS");
        await given.Charges(InvoiceCalls.Ended.TermId, northfield, 7, InvoiceCalls.Yesterday);
        await given.Charges(InvoiceCalls.Ended.TermId, southgate, 3, InvoiceCalls.Yesterday);
        await (await api.Issue(given.Org, InvoiceCalls.Ended.TermId)).ReadInvoice();
        await given.Charges(InvoiceCalls.Ended.TermId, southgate, 1, InvoiceCalls.Yesterday);
        await given.Charges(InvoiceCalls.EndedLater.TermId, northfield, 4, InvoiceCalls.Yesterday);
        var stored = await (await api.Issue(given.Org, InvoiceCalls.EndedLater.TermId)).ReadInvoice();

        await using var session = api.Store.QuerySession(given.Org.ToString());
        var recomputed = await InvoiceDrafts.RecomputeAsync(session, stored, default);

        Assert.Equal(stored.Lines, recomputed.Lines);
        Assert.Equal(stored with { Lines = [] }, recomputed with { Lines = [] });
    }
}
