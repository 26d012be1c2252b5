namespace Portal.Billing.Invoices.Issuing;

/// <summary>
/// The last invoice number given out, across all organisations (one document, not tenanted). It is updated in the
/// same transaction that issues the invoice, with optimistic concurrency, so a number is used exactly when an invoice
/// is committed with it: no gaps (a PostgreSQL sequence would skip numbers on rollback) and no duplicates.
/// </summary>
public sealed record InvoiceNumberCounter(string Id, long Last)
{
    public const string TheCounter = "invoice-numbers";
}
