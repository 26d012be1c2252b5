using System.Net;
using Portal.Billing.Tests.Api;

namespace Portal.Billing.Tests.InvoicesApi;

[Collection(BillingApiCollection.Name)]
public sealed class InvoiceOpenApiTests(BillingApi api)
{
    [Fact]
    public async Task The_invoice_endpoints_are_described_in_the_OpenAPI_document()
    {
        var paths = (await (await api.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK)).GetProperty("paths");

        foreach (var (path, method, operation, status) in new[]
                 {
                     ("/organisations/{org}/invoices", "get", "ListOrganisationInvoices", "404"),
                     ("/invoices/{invoice}", "get", "GetInvoice", "404"),
                     ("/invoices", "get", "ListInvoicesOfTerm", "400"),
                     ("/invoices/{invoice}/issue", "post", "IssueInvoice", "409"),
                 })
        {
            var described = paths.GetProperty(path).GetProperty(method);
            Assert.Equal(operation, described.GetProperty("operationId").GetString());
            Assert.False(string.IsNullOrWhiteSpace(described.GetProperty("summary").GetString()));
            Assert.True(described.GetProperty("responses").TryGetProperty(status, out _), $"{method} {path} does not describe {status}.");
        }
    }
}
