namespace Portal.Billing.Invoices;

public enum InvoiceStatus { Draft, Issued }

public enum InvoiceLineKind { Charge, Adjustment }

/// <summary>
/// One line: a school's students billed in the invoice's term (Charge), or a correction of an earlier issued invoice
/// (Adjustment, quantity may be negative, priced as that term was; <see cref="AdjustedTermId"/> and
/// <see cref="AdjustedInvoiceNumber"/> say which). Lines are net; VAT is on the invoice total.
/// </summary>
public sealed record InvoiceLine(
    InvoiceLineKind Kind, Guid SchoolId, string SchoolName, string SchoolCode, long Quantity, long UnitPence, long NetPence,
    string? AdjustedTermId = null, string? AdjustedInvoiceNumber = null, string? Explanation = null);

/// <summary>
/// An organisation's invoice for a term (id = <see cref="InvoiceIds.For"/>). A draft is computed from the ledger when
/// asked for; an issued invoice is the snapshot of its stream's one <see cref="TermInvoiceIssued"/> event and never
/// changes (there is deliberately no Apply).
/// </summary>
public sealed record Invoice(
    Guid Id,
    Guid OrganisationId,
    InvoiceStatus Status,
    string? Number,
    long? Sequence,
    string TermId,
    string TermName,
    DateOnly SupplyStart,
    DateOnly SupplyEnd,
    DateTimeOffset? IssuedAt,
    long UnitPence,
    decimal VatRatePercent,
    IReadOnlyList<InvoiceLine> Lines,
    long NetPence,
    long VatPence,
    long GrossPence)
{
    public static Invoice Create(TermInvoiceIssued e) => new(
        e.InvoiceId, e.OrganisationId, InvoiceStatus.Issued, e.Number, e.Sequence, e.TermId, e.TermName, e.SupplyStart, e.SupplyEnd,
        e.IssuedAt, e.UnitPence, e.VatRatePercent, e.Lines, e.NetPence, e.VatPence, e.GrossPence);

    /// <summary>The day of issue (UTC), as printed on an invoice.</summary>
    public DateOnly? IssueDate => IssuedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;
}
