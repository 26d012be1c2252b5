using Marten;
using Portal.Billing.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Invoices.Viewing;

/// <summary>Reading invoices as JSON, or as CSV when the caller sends Accept: text/csv.</summary>
public static class InvoiceEndpoints
{
    public static void MapInvoiceViewing(this IEndpointRouteBuilder app)
    {
        app.MapGet("/organisations/{org:guid}/invoices", async (Guid org, string? term, HttpContext http, IQuerySession session,
                InvoiceReads reads) =>
            {
                InvoiceAccess.EnsureOrganisation(http, org);
                return Answer(http, await reads.OfOrganisationAsync(session, Term(term), http.RequestAborted));
            })
            .RequirePermission(PermissionMatrix.ViewInvoices)
            .WithTags("Invoices").WithName("ListOrganisationInvoices")
            .WithSummary("The organisation's invoices: with ?term=2026-autumn that term's (issued, or the draft computed from the ledger " +
                         "now); without, every issued invoice and the drafts of terms under way or awaiting issue. Accept: text/csv for CSV.")
            .Produces<IReadOnlyList<Invoice>>().Produces(StatusCodes.Status200OK, contentType: InvoicesCsv.MediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/invoices/{invoice:guid}", async (Guid invoice, HttpContext http, IDocumentStore store, InvoiceReads reads) =>
            {
                if (InvoiceAccess.IsFinance(http)) return Answer(http, [await reads.AnyOrganisationsAsync(invoice, http.RequestAborted)], single: true);
                var organisation = InvoiceAccess.EnsureOrganisation(http);
                await using var session = store.QuerySession(organisation.ToString());
                return Answer(http, [await reads.OneAsync(session, invoice, http.RequestAborted)], single: true);
            })
            .WithTags("Invoices").WithName("GetInvoice")
            .WithSummary("One invoice by id, issued or draft: for the organisation's District and Customer administrators, operators " +
                         "acting on it, and finance (scope billing-read). Accept: text/csv for CSV.")
            .Produces<Invoice>().Produces(StatusCodes.Status200OK, contentType: InvoicesCsv.MediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/invoices", async (string? term, HttpContext http, InvoiceReads reads) =>
            {
                BillingAccess.EnsureFinance(http);
                var asked = Term(term) ?? throw new ValidationFailed("term", "Name the term, e.g. ?term=2026-autumn.");
                return Answer(http, await reads.OfEveryOrganisationAsync(asked, http.RequestAborted));
            })
            .WithTags("Invoices").WithName("ListInvoicesOfTerm")
            .WithSummary("Finance (machine client, scope billing-read): every organisation's invoice for the term, issued or draft " +
                         "(drafts only where they bill something). Accept: text/csv for one row per invoice line.")
            .Produces<IReadOnlyList<Invoice>>().Produces(StatusCodes.Status200OK, contentType: InvoicesCsv.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static string? Term(string? term) => string.IsNullOrWhiteSpace(term) ? null : term.Trim();

    private static IResult Answer(HttpContext http, IReadOnlyList<Invoice> invoices, bool single = false)
    {
        if (InvoicesCsv.IsAskedFor(http)) return Results.File(InvoicesCsv.Write(invoices), InvoicesCsv.ContentType, "invoices.csv");
        return single ? Results.Ok(invoices[0]) : Results.Ok(invoices);
    }
}
