using Portal.Billing.Pricing;
using Portal.Billing.Schools;
using Portal.Billing.Terms;

namespace Portal.Billing.Invoices.Computing;

/// <summary>
/// Everything an organisation's invoice for a term is computed from: the ledger's count of billable students per school
/// in the term, the term's price, the schools' names, and (for corrections) the organisation's invoices issued before
/// this one with the ledger's current counts for their terms.
/// </summary>
public sealed record InvoiceInputs(
    Guid OrganisationId,
    BillingTerm Term,
    UnitPrice Price,
    IReadOnlyDictionary<Guid, long> StudentsBySchool,
    IReadOnlyDictionary<Guid, BilledSchool> Schools,
    IReadOnlyList<Invoice> IssuedBefore,
    IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, long>> StudentsOfIssuedTerms);

/// <summary>The invoice a term's figures make, as a draft: one charge line per school, then the pending corrections.</summary>
public static class InvoiceCalculation
{
    public static Invoice Draft(InvoiceInputs inputs)
    {
        var charges = inputs.StudentsBySchool
            .Where(s => s.Value > 0)
            .Select(s => Line(InvoiceLineKind.Charge, s.Key, SchoolOf(inputs.Schools, s.Key, null), s.Value, inputs.Price.UnitPence))
            .OrderBy(l => l.SchoolName, StringComparer.Ordinal).ThenBy(l => l.SchoolCode, StringComparer.Ordinal);
        var lines = charges.Concat(Corrections.Pending(inputs)).ToList();
        var net = lines.Sum(l => l.NetPence);
        var vat = Vat.On(net, inputs.Price.VatRatePercent);
        return new Invoice(InvoiceIds.For(inputs.OrganisationId, inputs.Term.TermId), inputs.OrganisationId, InvoiceStatus.Draft,
            Number: null, Sequence: null, inputs.Term.TermId, inputs.Term.Name, inputs.Term.Start, inputs.Term.End, IssuedAt: null,
            inputs.Price.UnitPence, inputs.Price.VatRatePercent, lines, net, vat, net + vat);
    }

    internal static InvoiceLine Line(InvoiceLineKind kind, Guid schoolId, (string Name, string Code) school, long quantity, long unitPence) =>
        new(kind, schoolId, school.Name, school.Code, quantity, unitPence, checked(quantity * unitPence));

    /// <summary>The school as Institution last described it; else as an earlier line named it; else its id.</summary>
    internal static (string Name, string Code) SchoolOf(IReadOnlyDictionary<Guid, BilledSchool> schools, Guid id, InvoiceLine? earlier) =>
        schools.TryGetValue(id, out var known) ? (known.Name, known.Code)
        : earlier is not null ? (earlier.SchoolName, earlier.SchoolCode)
        : ($"School {id}", "");
}
