using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Computing;
using Portal.Billing.Pricing;
using Portal.Billing.Schools;
using Portal.Billing.Terms;

namespace Portal.Billing.Tests.InvoicesDeciders;

public sealed class InvoiceCalculationTests
{
    internal static readonly Guid Organisation = Guid.NewGuid();
    internal static readonly Guid Northfield = Guid.NewGuid();
    internal static readonly Guid Southgate = Guid.NewGuid();
    internal static readonly Guid Eastbrook = Guid.NewGuid();
    internal static readonly BillingTerm Autumn = new("2026-autumn", "Autumn 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18));
    internal static readonly BillingTerm Spring = new("2027-spring", "Spring 2027", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 26));
    internal static readonly BillingTerm Summer = new("2027-summer", "Summer 2027", new DateOnly(2027, 4, 12), new DateOnly(2027, 7, 21));

    internal static readonly IReadOnlyDictionary<Guid, BilledSchool> Schools = new Dictionary<Guid, BilledSchool>
    {
        [Northfield] = new(Northfield, Organisation, "Northfield Academy", "NFA", DateTimeOffset.UnixEpoch),
        [Southgate] = new(Southgate, Organisation, "Southgate School", "SGS", DateTimeOffset.UnixEpoch),
        [Eastbrook] = new(Eastbrook, Organisation, "Eastbrook College", "EBC", DateTimeOffset.UnixEpoch),
    };

    internal static InvoiceInputs Inputs(BillingTerm term, UnitPrice price, Dictionary<Guid, long> students,
        IReadOnlyList<Invoice>? issued = null, Dictionary<string, IReadOnlyDictionary<Guid, long>>? issuedTermsNow = null) =>
        new(Organisation, term, price, students, Schools, issued ?? [], issuedTermsNow ?? []);

    /// <summary>An invoice as issuing would freeze it (through the decider's event and the snapshot's Create).</summary>
    internal static Invoice Issued(Invoice draft, long sequence) =>
        Invoice.Create(new TermInvoiceIssued(draft.Id, draft.OrganisationId, sequence, InvoiceIds.NumberOf(sequence), draft.TermId, draft.TermName,
            draft.SupplyStart, draft.SupplyEnd, draft.UnitPence, draft.VatRatePercent, draft.Lines, draft.NetPence, draft.VatPence,
            draft.GrossPence, draft.SupplyEnd.AddDays(8).ToDateTime(TimeOnly.MinValue), IssuedBy: null));

    [Fact]
    public void Each_school_gets_a_line_of_its_billable_students_and_VAT_is_on_the_total()
    {
        var draft = InvoiceCalculation.Draft(Inputs(Autumn, new UnitPrice(50, 20m), new() { [Southgate] = 3, [Northfield] = 120 }));

        Assert.Equal(InvoiceStatus.Draft, draft.Status);
        Assert.Null(draft.Number);
        Assert.Equal(InvoiceIds.For(Organisation, "2026-autumn"), draft.Id);
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18)), (draft.SupplyStart, draft.SupplyEnd));
        Assert.Equal(
        [
            new InvoiceLine(InvoiceLineKind.Charge, Northfield, "Northfield Academy", "NFA", 120, 50, 6000),
            new InvoiceLine(InvoiceLineKind.Charge, Southgate, "Southgate School", "SGS", 3, 50, 150),
        ], draft.Lines);
        Assert.Equal((6150L, 1230L, 7380L), (draft.NetPence, draft.VatPence, draft.GrossPence));
    }

    [Fact]
    public void VAT_is_rounded_once_on_the_net_total_not_per_line()
    {
        // Per line 1.75p each would round to 2p three times (6p); on the 30p total it is 5.25p, so 5p.
        var draft = InvoiceCalculation.Draft(Inputs(Autumn, new UnitPrice(10, 17.5m),
            new() { [Northfield] = 1, [Southgate] = 1, [Eastbrook] = 1 }));
        Assert.Equal((30L, 5L, 35L), (draft.NetPence, draft.VatPence, draft.GrossPence));
    }

    [Fact]
    public void Each_term_is_priced_at_its_own_price()
    {
        var prices = new PriceList([
            new PriceEntry { From = new DateOnly(2020, 1, 1), UnitPence = 50, VatRatePercent = 20m },
            new PriceEntry { From = new DateOnly(2026, 11, 1), UnitPence = 60, VatRatePercent = 20m },
        ]);
        var autumn = InvoiceCalculation.Draft(Inputs(Autumn, prices.ForTermStarting(Autumn.Start), new() { [Northfield] = 10 }));
        var spring = InvoiceCalculation.Draft(Inputs(Spring, prices.ForTermStarting(Spring.Start), new() { [Northfield] = 10 }));
        Assert.Equal((50L, 500L, 600L), (autumn.UnitPence, autumn.NetPence, autumn.GrossPence));
        Assert.Equal((60L, 600L, 720L), (spring.UnitPence, spring.NetPence, spring.GrossPence));
    }

    [Fact]
    public void A_school_nobody_has_described_yet_is_named_by_its_id()
    {
        var unknown = Guid.NewGuid();
        var line = Assert.Single(InvoiceCalculation.Draft(Inputs(Autumn, new UnitPrice(50, 20m), new() { [unknown] = 2 })).Lines);
        Assert.Equal(($"School {unknown}", ""), (line.SchoolName, line.SchoolCode));
    }

    [Fact]
    public void Late_changes_to_an_issued_term_become_adjustment_lines_on_the_next_invoice_at_that_terms_price()
    {
        var autumn = Issued(InvoiceCalculation.Draft(Inputs(Autumn, new UnitPrice(50, 20m),
            new() { [Northfield] = 10, [Southgate] = 5 })), sequence: 1);

        var spring = InvoiceCalculation.Draft(Inputs(Spring, new UnitPrice(60, 20m), new() { [Northfield] = 11 }, [autumn],
            new() { ["2026-autumn"] = new Dictionary<Guid, long> { [Northfield] = 12, [Southgate] = 4, [Eastbrook] = 1 } }));

        Assert.Equal(
        [
            new InvoiceLine(InvoiceLineKind.Charge, Northfield, "Northfield Academy", "NFA", 11, 60, 660),
            new InvoiceLine(InvoiceLineKind.Adjustment, Eastbrook, "Eastbrook College", "EBC", 1, 50, 50, "2026-autumn", "PTL-000001",
                "Adjustment for Autumn 2026 (invoice PTL-000001): 1 student enabled after the invoice was issued"),
            new InvoiceLine(InvoiceLineKind.Adjustment, Northfield, "Northfield Academy", "NFA", 2, 50, 100, "2026-autumn", "PTL-000001",
                "Adjustment for Autumn 2026 (invoice PTL-000001): 2 students enabled after the invoice was issued"),
            new InvoiceLine(InvoiceLineKind.Adjustment, Southgate, "Southgate School", "SGS", -1, 50, -50, "2026-autumn", "PTL-000001",
                "Adjustment for Autumn 2026 (invoice PTL-000001): 1 student no longer billable since the invoice was issued"),
        ], spring.Lines);
        Assert.Equal((760L, 152L, 912L), (spring.NetPence, spring.VatPence, spring.GrossPence));
    }

    [Fact]
    public void An_adjustment_is_carried_once_and_a_later_change_only_by_its_difference()
    {
        var autumn = Issued(InvoiceCalculation.Draft(Inputs(Autumn, new UnitPrice(50, 20m), new() { [Northfield] = 10 })), 1);
        var autumnNow = new Dictionary<string, IReadOnlyDictionary<Guid, long>> { ["2026-autumn"] = new Dictionary<Guid, long> { [Northfield] = 12 } };
        var spring = Issued(InvoiceCalculation.Draft(Inputs(Spring, new UnitPrice(50, 20m), new() { [Northfield] = 3 }, [autumn], autumnNow)), 2);
        Assert.Equal(2, spring.Lines.Single(l => l.Kind == InvoiceLineKind.Adjustment).Quantity);

        var summer = InvoiceCalculation.Draft(Inputs(Summer, new UnitPrice(50, 20m), new() { [Northfield] = 3 }, [autumn, spring],
            new() { ["2026-autumn"] = autumnNow["2026-autumn"], ["2027-spring"] = new Dictionary<Guid, long> { [Northfield] = 3 } }));
        Assert.DoesNotContain(summer.Lines, l => l.Kind == InvoiceLineKind.Adjustment);

        var later = InvoiceCalculation.Draft(Inputs(Summer, new UnitPrice(50, 20m), new() { [Northfield] = 3 }, [autumn, spring],
            new() { ["2026-autumn"] = new Dictionary<Guid, long> { [Northfield] = 11 }, ["2027-spring"] = new Dictionary<Guid, long> { [Northfield] = 3 } }));
        var adjustment = Assert.Single(later.Lines, l => l.Kind == InvoiceLineKind.Adjustment);
        Assert.Equal((-1L, -50L, "PTL-000001"), (adjustment.Quantity, adjustment.NetPence, adjustment.AdjustedInvoiceNumber));
    }

    [Fact]
    public void A_term_whose_students_all_went_is_credited_in_full()
    {
        var autumn = Issued(InvoiceCalculation.Draft(Inputs(Autumn, new UnitPrice(50, 20m), new() { [Southgate] = 2 })), 7);
        var spring = InvoiceCalculation.Draft(Inputs(Spring, new UnitPrice(50, 20m), [], [autumn], []));
        var credit = Assert.Single(spring.Lines);
        Assert.Equal((InvoiceLineKind.Adjustment, -2L, -100L), (credit.Kind, credit.Quantity, credit.NetPence));
        Assert.Equal((-100L, -20L, -120L), (spring.NetPence, spring.VatPence, spring.GrossPence));
    }
}
