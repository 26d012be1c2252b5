namespace Portal.Billing.Invoices.Computing;

/// <summary>
/// Late changes to terms already invoiced. For each issued invoice and school, what has been billed so far (the
/// invoice's own charge line plus adjustments later invoices carried for that term) is compared with the ledger's count
/// now; a difference becomes one adjustment line on the next invoice, priced as the adjusted invoice priced that term.
/// Once an invoice carrying it is issued, the difference is billed and the adjustment is not carried again.
/// </summary>
public static class Corrections
{
    public static IEnumerable<InvoiceLine> Pending(InvoiceInputs inputs)
    {
        var adjustmentsCarried = inputs.IssuedBefore.SelectMany(i => i.Lines).Where(l => l.Kind == InvoiceLineKind.Adjustment).ToList();
        foreach (var issued in inputs.IssuedBefore.Where(i => i.TermId != inputs.Term.TermId).OrderBy(i => i.SupplyStart).ThenBy(i => i.Sequence))
        {
            var billed = issued.Lines.Where(l => l.Kind == InvoiceLineKind.Charge)
                .Concat(adjustmentsCarried.Where(l => l.AdjustedTermId == issued.TermId))
                .GroupBy(l => l.SchoolId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
            var now = inputs.StudentsOfIssuedTerms.GetValueOrDefault(issued.TermId) ?? new Dictionary<Guid, long>();

            var changed = billed.Keys.Union(now.Keys)
                .Select(school => (School: school, Difference: now.GetValueOrDefault(school) - billed.GetValueOrDefault(school)))
                .Where(c => c.Difference != 0)
                .Select(c => Adjustment(inputs, issued, c.School, c.Difference));
            foreach (var line in changed.OrderBy(l => l.SchoolName, StringComparer.Ordinal).ThenBy(l => l.SchoolCode, StringComparer.Ordinal))
                yield return line;
        }
    }

    private static InvoiceLine Adjustment(InvoiceInputs inputs, Invoice issued, Guid school, long difference)
    {
        var named = InvoiceCalculation.SchoolOf(inputs.Schools, school, issued.Lines.FirstOrDefault(l => l.SchoolId == school));
        return InvoiceCalculation.Line(InvoiceLineKind.Adjustment, school, named, difference, issued.UnitPence) with
        {
            AdjustedTermId = issued.TermId,
            AdjustedInvoiceNumber = issued.Number,
            Explanation = Explain(issued, difference),
        };
    }

    public static string Explain(Invoice issued, long difference)
    {
        var students = Math.Abs(difference) == 1 ? "1 student" : $"{Math.Abs(difference)} students";
        var what = difference > 0 ? "enabled after the invoice was issued" : "no longer billable since the invoice was issued";
        return $"Adjustment for {issued.TermName} (invoice {issued.Number}): {students} {what}";
    }
}
