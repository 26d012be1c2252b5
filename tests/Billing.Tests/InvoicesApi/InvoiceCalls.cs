using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Issuing;
using Portal.Billing.Ledger;
using Portal.Billing.Terms;
using Portal.Billing.Tests.Api;

namespace Portal.Billing.Tests.InvoicesApi;

/// <summary>Terms that have ended (or not yet begun) whatever day the tests run, and the invoice requests the tests make.</summary>
public static class InvoiceCalls
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static readonly BillingTerm Ended = new("2025-autumn", "Autumn 2025", new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 19));
    public static readonly BillingTerm EndedLater = new("2026-spring", "Spring 2026", new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 27));
    public static readonly BillingTerm EndedLast = new("2026-summer", "Summer 2026", new DateOnly(2026, 4, 13), new DateOnly(2026, 7, 22));
    public static readonly BillingTerm Current = new("current", "Current term", Today.AddDays(-30), Today.AddDays(30));

    public static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    public static async Task<Invoice> ReadInvoice(this HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<Invoice>(HttpAssertions.Json)
               ?? throw new InvalidOperationException("The answer holds no invoice.");
    }

    public static async Task<IReadOnlyList<Invoice>> ReadInvoices(this HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<List<Invoice>>(HttpAssertions.Json) ?? [];
    }

    public static Task<HttpResponseMessage> Issue(this BillingApi api, Guid org, string termId) =>
        api.Operator(org).PostAsync($"/invoices/{InvoiceIds.For(org, termId)}/issue", null);

    public static AutomaticIssuing AutomaticIssuing(this BillingApi api) => api.Services.GetRequiredService<AutomaticIssuing>();

    /// <summary>A student the ledger no longer bills in the term (e.g. a late correction of their login history).</summary>
    public static async Task Uncharge(this Given given, string termId, Guid student)
    {
        await using var session = given.Session();
        session.Delete<TermCharge>(TermCharge.IdOf(termId, student));
        await session.SaveChangesAsync();
    }
}
