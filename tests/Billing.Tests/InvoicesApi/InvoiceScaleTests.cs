using Marten;
using Portal.Billing.Invoices.Computing;
using Portal.Billing.Ledger;
using Portal.Billing.Pricing;
using Portal.Billing.Terms;
using Portal.Billing.Tests.Api;

namespace Portal.Billing.Tests.InvoicesApi;

[Collection(BillingApiCollection.Name)]
public sealed class InvoiceScaleTests(BillingApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task A_term_of_100_schools_and_100000_students_is_invoiced_line_for_line()
    {
        var term = InvoiceCalls.Current with { TermId = "scale" };
        await given.Terms(term);
        var schools = new List<Guid>();
        for (var i = 0; i < 100; i++) schools.Add(await given.School($"School {i:D3}", $"S{i:D3}"));
        var charges = schools.SelectMany(school => Enumerable.Range(0, 1_000).Select(_ => Guid.NewGuid()).Select(student =>
            new TermCharge(TermCharge.IdOf(term.TermId, student), given.Org, term.TermId, student, school,
                [new LoginInterval(school, InvoiceCalls.Yesterday, null)]))).ToList();
        await api.Store.BulkInsertAsync(given.Org.ToString(), charges);

        await using var session = api.Store.QuerySession(given.Org.ToString());
        var prices = new PriceList([]);
        // How fast is for bench/Billing.Bench to measure; here, that the counting in PostgreSQL adds up at this size.
        var draft = await InvoiceDrafts.ComputeAsync(session, term, prices, default);

        Assert.Equal(100, draft.Lines.Count);
        Assert.All(draft.Lines, l => Assert.Equal(1_000, l.Quantity));
        Assert.Equal((5_000_000L, 1_000_000L, 6_000_000L), (draft.NetPence, draft.VatPence, draft.GrossPence));
    }
}
