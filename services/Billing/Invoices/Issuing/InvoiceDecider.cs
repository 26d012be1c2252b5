using Portal.Billing.Terms;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Invoices.Issuing;

/// <summary>
/// Issue the organisation's invoice for the term as <paramref name="Draft"/> computed it, under the next invoice number.
/// <paramref name="OperatorId"/> is null when the grace period issues it.
/// </summary>
public sealed record IssueInvoice(BillingTerm Term, Invoice Draft, long Sequence, DateTimeOffset At, Guid? OperatorId);

/// <summary>An invoice is issued once, after its term has ended, and then never changes.</summary>
public static class InvoiceDecider
{
    public static IEnumerable<object> Decide(IssueInvoice command, Invoice? issued)
    {
        var (term, draft) = (command.Term, command.Draft);
        if (issued is not null)
            throw new RuleViolation($"The invoice for {issued.TermName} was issued as {issued.Number} on {issued.IssueDate:yyyy-MM-dd} " +
                                    "and never changes; later corrections appear on the organisation's next invoice.");
        if (DateOnly.FromDateTime(command.At.UtcDateTime) <= term.End)
            throw new RuleViolation($"{term.Name} ends on {term.End:yyyy-MM-dd}; its invoice can be issued from " +
                                    $"{term.End.AddDays(1):yyyy-MM-dd}.");
        if (draft.Lines.Count == 0)
            throw new RuleViolation($"Nothing to invoice for {term.Name}: no student was billable and no correction is pending.");

        return
        [
            new TermInvoiceIssued(draft.Id, draft.OrganisationId, command.Sequence, InvoiceIds.NumberOf(command.Sequence), term.TermId, term.Name,
                term.Start, term.End, draft.UnitPence, draft.VatRatePercent, draft.Lines, draft.NetPence, draft.VatPence, draft.GrossPence,
                command.At, command.OperatorId),
        ];
    }
}
