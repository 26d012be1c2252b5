namespace Portal.Billing.Invoices;

/// <summary>
/// The organisation's invoice for the term was issued with these lines and totals, frozen: the only event of the
/// invoice's stream. <see cref="IssuedBy"/> is the operator who issued it, or null when it was issued automatically.
/// </summary>
public sealed record TermInvoiceIssued(
    Guid InvoiceId,
    Guid OrganisationId,
    long Sequence,
    string Number,
    string TermId,
    string TermName,
    DateOnly SupplyStart,
    DateOnly SupplyEnd,
    long UnitPence,
    decimal VatRatePercent,
    IReadOnlyList<InvoiceLine> Lines,
    long NetPence,
    long VatPence,
    long GrossPence,
    DateTimeOffset IssuedAt,
    Guid? IssuedBy);
