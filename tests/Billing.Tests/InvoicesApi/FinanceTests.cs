using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CsvHelper;
using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Viewing;
using Portal.Billing.Tests.Api;

namespace Portal.Billing.Tests.InvoicesApi;

[Collection(BillingApiCollection.Name)]
public sealed class FinanceTests(BillingApi api)
{
    private const string Injected = "=HYPERLINK(\"http://example.invalid\",\"Pay here\")";
    private readonly Given issuedOrganisation = new(api);
    private readonly Given draftOrganisation = new(api);

    private async Task<Invoice> ArrangeAsync()
    {
        await issuedOrganisation.Terms(InvoiceCalls.Ended);
        await issuedOrganisation.Charges(InvoiceCalls.Ended.TermId, await issuedOrganisation.School("Northfield, \"North\" Academy", "NFA"), 4,
            InvoiceCalls.Yesterday);
        var issued = await (await api.Issue(issuedOrganisation.Org, InvoiceCalls.Ended.TermId)).ReadInvoice();
        await draftOrganisation.Terms(InvoiceCalls.Ended);
        await draftOrganisation.Charges(InvoiceCalls.Ended.TermId, await draftOrganisation.School(Injected, "-X1"), 2, InvoiceCalls.Yesterday);
        return issued;
    }

    [Fact]
    public async Task Finance_lists_every_organisations_invoice_of_the_term()
    {
        var issued = await ArrangeAsync();

        var invoices = await (await api.Finance().GetAsync($"/invoices?term={InvoiceCalls.Ended.TermId}")).ReadInvoices();

        var ours = invoices.Where(i => i.OrganisationId == issuedOrganisation.Org || i.OrganisationId == draftOrganisation.Org)
            .OrderBy(i => i.Status).ToList();
        Assert.Equal([(draftOrganisation.Org, InvoiceStatus.Draft, null, 100L), (issuedOrganisation.Org, InvoiceStatus.Issued, issued.Number, 200L)],
            ours.Select(i => (i.OrganisationId, i.Status, i.Number, i.NetPence)));
        Assert.All(invoices, i => Assert.Equal(InvoiceCalls.Ended.TermId, i.TermId));
        Assert.Equal(issued.Number, (await (await api.Finance().GetAsync($"/invoices/{issued.Id}")).ReadInvoice()).Number);
    }

    [Fact]
    public async Task Finance_downloads_a_spreadsheet_safe_CSV_with_a_row_per_line()
    {
        var issued = await ArrangeAsync();
        var finance = api.Finance();
        finance.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await finance.GetAsync($"/invoices?term={InvoiceCalls.Ended.TermId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => r.ToDictionary(c => c.Key, c => (string)c.Value)).ToList();
        Assert.Equal(InvoicesCsv.Header, csv.HeaderRecord);

        var issuedRow = Assert.Single(rows, r => r["Organisation ID"] == issuedOrganisation.Org.ToString());
        Assert.Equal([issued.Number!, "issued", "Northfield, \"North\" Academy", "NFA", "charge", "4", "50", "200", "200", "20", "40", "240"],
            new[] { "Invoice number", "Status", "School name", "School code", "Line kind", "Quantity", "Unit pence", "Net pence",
                "Invoice net pence", "VAT rate percent", "Invoice VAT pence", "Invoice gross pence" }.Select(c => issuedRow[c]));
        var draftRow = Assert.Single(rows, r => r["Organisation ID"] == draftOrganisation.Org.ToString());
        Assert.Equal(("", "draft", "'" + Injected, "'-X1"), (draftRow["Invoice number"], draftRow["Status"], draftRow["School name"], draftRow["School code"]));
    }

    [Fact]
    public async Task An_organisation_administrator_downloads_their_own_invoice_as_CSV()
    {
        var issued = await ArrangeAsync();
        var admin = api.District(issuedOrganisation.Org);
        admin.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var text = await (await admin.GetAsync($"/organisations/{issuedOrganisation.Org}/invoices?term={InvoiceCalls.Ended.TermId}"))
            .Content.ReadAsStringAsync();
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{issued.Number},{issuedOrganisation.Org},{InvoiceCalls.Ended.TermId},issued,\"Northfield, \"\"North\"\" Academy\",NFA,charge,4,50,200,", lines[1]);
    }

    [Fact]
    public async Task Only_finance_lists_every_organisation_and_it_names_the_term()
    {
        await (await api.Finance().GetAsync("/invoices")).ShouldBeProblem(HttpStatusCode.BadRequest, "Name the term");
        await (await api.District(issuedOrganisation.Org).GetAsync("/invoices?term=2026-autumn"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "billing-read");
        await (await api.Operator(issuedOrganisation.Org).GetAsync("/invoices?term=2026-autumn")).ShouldBe(HttpStatusCode.Forbidden);
        await (await api.Finance().GetAsync($"/organisations/{issuedOrganisation.Org}/invoices")).ShouldBe(HttpStatusCode.Forbidden);
        await (await api.Finance().GetAsync($"/invoices/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
    }
}
