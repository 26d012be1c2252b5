using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Computing;
using Portal.Billing.Invoices.Issuing;
using Portal.Billing.Pricing;
using static Portal.Billing.Tests.InvoicesDeciders.InvoiceCalculationTests;

namespace Portal.Billing.Tests.InvoicesDeciders;

public sealed class IssuingTests
{
    private static readonly Invoice Draft = InvoiceCalculation.Draft(Inputs(Autumn, new UnitPrice(50, 20m), new() { [Northfield] = 4 }));
    private static readonly DateTimeOffset DayAfterTerm = new(2026, 12, 19, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid OperatorId = Guid.NewGuid();

    private static TermInvoiceIssued IssuedEvent(long sequence, DateTimeOffset at, Guid? by) =>
        new(Draft.Id, Organisation, sequence, InvoiceIds.NumberOf(sequence), "2026-autumn", "Autumn 2026", Autumn.Start, Autumn.End, 50, 20m,
            Draft.Lines, 200, 40, 240, at, by);

    [Fact]
    public void After_the_term_the_invoice_is_issued_with_the_drafts_lines_under_the_next_number() =>
        DeciderSpec<Invoice>.Given()
            .WhenStarting(issued => InvoiceDecider.Decide(new IssueInvoice(Autumn, Draft, 42, DayAfterTerm, OperatorId), issued))
            .Then(IssuedEvent(42, DayAfterTerm, OperatorId));

    [Fact]
    public void On_the_terms_last_day_it_is_too_early() =>
        DeciderSpec<Invoice>.Given()
            .WhenStarting(issued => InvoiceDecider.Decide(new IssueInvoice(Autumn, Draft, 1, DayAfterTerm.AddTicks(-1), null), issued))
            .ThenRefused("Autumn 2026 ends on 2026-12-18; its invoice can be issued from 2026-12-19.");

    [Fact]
    public void An_issued_invoice_never_changes() =>
        DeciderSpec<Invoice>.Given(IssuedEvent(1, DayAfterTerm, null))
            .When(issued => InvoiceDecider.Decide(new IssueInvoice(Autumn,
                Draft with { Lines = [.. Draft.Lines, Draft.Lines[0] with { Quantity = 9 }] }, 2, DayAfterTerm.AddDays(30), OperatorId), issued))
            .ThenRefused("The invoice for Autumn 2026 was issued as PTL-000001 on 2026-12-19 and never changes; later corrections appear " +
                         "on the organisation's next invoice.");

    [Fact]
    public void A_term_with_nothing_to_bill_is_not_invoiced() =>
        DeciderSpec<Invoice>.Given()
            .WhenStarting(issued => InvoiceDecider.Decide(new IssueInvoice(Autumn, Draft with { Lines = [], NetPence = 0, VatPence = 0, GrossPence = 0 },
                1, DayAfterTerm, null), issued))
            .ThenRefused("Nothing to invoice for Autumn 2026: no student was billable and no correction is pending.");

    [Fact]
    public void The_issued_invoice_is_the_draft_frozen_with_its_number_and_day()
    {
        var issued = DeciderSpec<Invoice>.StateAfter(IssuedEvent(3, DayAfterTerm.AddHours(10), null));
        Assert.Equal(Draft with { Status = InvoiceStatus.Issued, Number = "PTL-000003", Sequence = 3, IssuedAt = DayAfterTerm.AddHours(10) },
            issued with { Lines = Draft.Lines });
        Assert.Equal(Draft.Lines, issued.Lines);
        Assert.Equal(new DateOnly(2026, 12, 19), issued.IssueDate);
    }
}
