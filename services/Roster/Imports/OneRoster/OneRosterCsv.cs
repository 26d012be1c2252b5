using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.OneRoster;

/// <summary>One data row of a CSV file; Row counts the header as row 1.</summary>
public sealed record CsvRecord(int Row, string[] Fields, string? Problem)
{
    public string this[int column] => column < Fields.Length ? Fields[column].Trim() : "";
}

/// <summary>
/// Reads one CSV file of the set whole, checking its header against OneRoster 1.1 exactly (every column, in order,
/// with only metadata.* extension columns after them). A file that is not such a CSV is refused as a whole (400
/// naming the file and the column); a row with the wrong number of fields is that row's problem.
/// </summary>
public static class OneRosterCsv
{
    public static IReadOnlyList<CsvRecord> Read(string file, Stream content, int maxRows)
    {
        var expected = OneRosterFiles.Headers[file];
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        var records = new List<CsvRecord>();
        try
        {
            if (!parser.Read() || parser.Record is not { } header)
                throw Invalid(file, $"{file} is empty; it needs the OneRoster 1.1 header row: {string.Join(",", expected)}.");
            CheckHeader(file, header, expected);
            while (parser.Read())
            {
                if (records.Count == maxRows)
                    throw Invalid(file, $"{file} has more than {maxRows:N0} rows; import at most {maxRows:N0} at once (split the set).");
                var fields = parser.Record ?? [];
                var problem = fields.Length == header.Length ? null
                    : $"The row has {fields.Length} fields; the header has {header.Length}.";
                records.Add(new CsvRecord(parser.Row, fields, problem));
            }
        }
        catch (BadDataException e)
        {
            throw Invalid(file, $"{file} row {e.Context?.Parser?.Row} is not valid CSV (a quote is not closed, or a field holds a stray quote).");
        }
        catch (CsvHelperException e)
        {
            throw Invalid(file, $"{file} row {e.Context?.Parser?.Row} could not be read as CSV.");
        }
        return records;
    }

    private static void CheckHeader(string file, string[] header, string[] expected)
    {
        var spelled = $"the OneRoster 1.1 header of {file} is: {string.Join(",", expected)}";
        for (var i = 0; i < expected.Length; i++)
        {
            if (i >= header.Length)
                throw Invalid(file, $"{file} lacks the column '{expected[i]}' (column {i + 1}); {spelled}.");
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (name != expected[i])
                throw Invalid(file, $"{file} has '{name}' as column {i + 1} where OneRoster 1.1 has '{expected[i]}'; {spelled}.");
        }
        for (var i = expected.Length; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (!name.StartsWith(OneRosterFiles.ExtensionPrefix, StringComparison.Ordinal))
                throw Invalid(file, $"{file} has the unknown column '{name}' (column {i + 1}); after its standard columns OneRoster 1.1 "
                                    + $"allows only extension columns named {OneRosterFiles.ExtensionPrefix}*.");
        }
    }

    public static ValidationFailed Invalid(string file, string message) => new(file, message);

    /// <summary>A OneRoster list field ("09,10") as its items.</summary>
    public static IReadOnlyList<string> List(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
