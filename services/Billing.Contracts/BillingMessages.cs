namespace Portal.Billing.Contracts;

// Messages the Billing service publishes. Past tense; versioned by adding fields only.

/// <summary>
/// An organisation's invoice for a term was issued: from now on it never changes (corrections appear on the next
/// invoice as adjustment lines). Money is integer pence.
/// </summary>
public sealed record InvoiceIssued(
    Guid OrganisationId,
    Guid InvoiceId,
    string InvoiceNumber,
    string TermId,
    long NetPence,
    long VatPence,
    long GrossPence,
    DateTimeOffset IssuedAt);
