using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.Clients;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Finance's systems as they pull invoices: a machine client the platform operator registers (scope billing-read), a
/// token by client credentials, and every organisation's invoices of a term as JSON or as a CSV download.
/// </summary>
public sealed class FinanceClient(HttpClient gateway)
{
    public const string Scope = "billing-read";

    public static async Task<FinanceClient> RegisterAsync(Clients clients, PortalSystemFixture fixture)
    {
        var platform = clients.Bearer(await clients.OperatorTokenAsync());
        var registered = await platform.PostAsJsonAsync("/identity/clients", new { displayName = "Finance", scopes = new[] { Scope } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var client = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var tokens = await PortalSignIn.ClientCredentialsAsync(fixture.CreateGatewayClient(), clients.Identity,
            client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!, Scope);
        return new FinanceClient(clients.Bearer(tokens.AccessToken));
    }

    /// <summary>Every organisation's invoice of the term (GET /billing/invoices?term=…) as JSON.</summary>
    public async Task<IReadOnlyList<JsonElement>> InvoicesAsync(string term)
    {
        var response = await gateway.GetAsync($"/billing/invoices?term={term}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    /// <summary>The same invoices downloaded with Accept: text/csv, read as a spreadsheet would.</summary>
    public async Task<CsvTable> InvoicesCsvAsync(string term)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/billing/invoices?term={term}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return CsvTable.Parse(await response.Content.ReadAsByteArrayAsync());
    }
}
