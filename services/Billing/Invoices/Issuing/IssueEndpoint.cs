using Marten;
using Portal.Billing.Invoices.Viewing;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Billing.Invoices.Issuing;

/// <summary>An operator issues an invoice before the grace period is over (e.g. when the organisation asks for it).</summary>
public static class IssueEndpoint
{
    public static void MapInvoiceIssuing(this IEndpointRouteBuilder app) =>
        app.MapPost("/invoices/{invoice:guid}/issue", async (Guid invoice, HttpContext http, IQuerySession session,
                InvoiceIssuing issuing, TimeProvider clock) =>
            {
                var caller = PortalCaller.From(http.User);
                if (!caller.IsOperator) throw new Forbidden("Only platform operators issue invoices by hand.");
                var term = await InvoiceReads.TermOfAsync(session, invoice, http.RequestAborted)
                           ?? throw new NotFound(InvoiceAccess.InvoiceNotFound(invoice));
                return Results.Ok(await issuing.IssueAsync(Guid.Parse(session.TenantId), term, clock.GetUtcNow(), caller.AccountId,
                    http.RequestAborted));
            })
            .WithTags("Invoices").WithName("IssueInvoice")
            .WithSummary("Issue the organisation's invoice for a term now (platform operators, acting on the organisation named in " +
                         "the Portal-Organisation header): 409 before the term has ended, when already issued, or when it bills nothing.")
            .Produces<Invoice>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
