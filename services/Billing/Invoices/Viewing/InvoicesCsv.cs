using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Portal.Billing.Invoices.Viewing;

/// <summary>
/// Invoices as a spreadsheet opens them, one row per line with its invoice's figures repeated: UTF-8 with a byte order
/// mark, RFC 4180 quoting, CRLF, and every cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage
/// return) prefixed with a single quote — school names come from the MIS and are not ours to trust. Negative
/// adjustment quantities are escaped the same way ('-2), which a spreadsheet shows as text.
/// </summary>
public static class InvoicesCsv
{
    public const string MediaType = "text/csv";
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Header =
    [
        "Invoice number", "Organisation ID", "Term", "Status", "School name", "School code", "Line kind", "Quantity", "Unit pence",
        "Net pence", "Adjusted term", "Explanation", "Invoice ID", "Issue date", "Supply start", "Supply end", "Invoice net pence",
        "VAT rate percent", "Invoice VAT pence", "Invoice gross pence",
    ];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
        NewLine = "\r\n",
    };

    public static byte[] Write(IEnumerable<Invoice> invoices)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(text, Configuration))
        {
            foreach (var title in Header) csv.WriteField(title);
            csv.NextRecord();
            foreach (var invoice in invoices)
            foreach (var line in invoice.Lines)
            {
                string[] cells =
                [
                    invoice.Number ?? "", invoice.OrganisationId.ToString(), invoice.TermId, Lower(invoice.Status), line.SchoolName,
                    line.SchoolCode, Lower(line.Kind), Number(line.Quantity), Number(line.UnitPence), Number(line.NetPence),
                    line.AdjustedTermId ?? "", line.Explanation ?? "", invoice.Id.ToString(), Day(invoice.IssueDate), Day(invoice.SupplyStart),
                    Day(invoice.SupplyEnd), Number(invoice.NetPence), invoice.VatRatePercent.ToString(CultureInfo.InvariantCulture),
                    Number(invoice.VatPence), Number(invoice.GrossPence),
                ];
                foreach (var cell in cells) csv.WriteField(cell);
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    public static bool IsAskedFor(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase));

    private static string Lower<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
