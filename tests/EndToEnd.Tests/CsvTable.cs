using System.Text;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// A CSV download read the way a spreadsheet opens it: UTF-8 with a byte order mark, a header row, RFC 4180 cells
/// (quoted when they hold commas, quotes or line breaks; "" for a quote inside) and CRLF between rows. Read here
/// rather than with the product's CSV library, so the test does not share the writer's assumptions.
/// </summary>
public sealed class CsvTable
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyDictionary<string, string>> rows) =>
        (Header, Rows) = (header, rows);

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    public static CsvTable Parse(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(ByteOrderMark), "The CSV starts with a UTF-8 byte order mark.");
        var records = Records(Encoding.UTF8.GetString(bytes.AsSpan(ByteOrderMark.Length))).ToList();
        Assert.NotEmpty(records);
        var header = records[0];
        Assert.All(records, r => Assert.Equal(header.Count, r.Count));
        var rows = records.Skip(1)
            .Select(r => (IReadOnlyDictionary<string, string>)header.Zip(r).ToDictionary(cell => cell.First, cell => cell.Second))
            .ToList();
        return new CsvTable(header, rows);
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') record.Add(Take(cell));
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                record.Add(Take(cell));
                yield return record;
                record = [];
            }
            else cell.Append(c);
        }
        Assert.False(quoted, "Every quoted CSV cell is closed.");
        if (record.Count > 0 || cell.Length > 0)
        {
            record.Add(Take(cell));
            yield return record;
        }
    }

    private static string Take(StringBuilder cell)
    {
        var value = cell.ToString();
        cell.Clear();
        return value;
    }
}
