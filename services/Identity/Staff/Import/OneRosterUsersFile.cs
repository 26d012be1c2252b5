using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Staff;

/// <summary>One data row of a OneRoster 1.1 users.csv, as written (trimmed); <see cref="Row"/> counts the header as row 1.</summary>
public sealed record OneRosterUser(
    int Row, string SourcedId, string Status, string EnabledUser, IReadOnlyList<string> OrgSourcedIds, string Role,
    string GivenName, string FamilyName, string Email, string? Problem = null);

/// <summary>
/// Reads a OneRoster 1.1 users.csv whole before anything is imported: a file that is not such a CSV (no header,
/// missing columns, broken quoting, too many rows) is refused as a whole, so it never half-imports. A row that is
/// merely wrong (too few fields, an unknown role) is the row's problem, reported beside the others.
/// </summary>
public static class OneRosterUsersFile
{
    public static readonly string[] RequiredColumns = ["sourcedId", "orgSourcedIds", "role", "givenName", "familyName", "email"];

    public static async Task<IReadOnlyList<OneRosterUser>> ReadAsync(Stream content, int maxRows, CancellationToken cancellation)
    {
        using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            // A short row is reported as that row's problem below; CsvHelper would otherwise throw for the file.
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, configuration);
        var users = new List<OneRosterUser>();
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
                throw Invalid("The file is empty; expected a OneRoster 1.1 users.csv with a header row.");
            var columns = Columns(header);
            while (await csv.ReadAsync())
            {
                cancellation.ThrowIfCancellationRequested();
                if (users.Count == maxRows)
                    throw Invalid($"The file has more than {maxRows:N0} rows; import at most {maxRows:N0} at once (split the file).");
                users.Add(User(csv.Parser.Row, csv.Parser.Record ?? [], columns, header.Length));
            }
        }
        catch (BadDataException e)
        {
            throw Invalid($"Row {e.Context?.Parser?.Row} is not valid CSV (a quote is not closed, or a field holds a stray quote); "
                          + "nothing was imported.");
        }
        catch (CsvHelperException e)
        {
            throw Invalid($"Row {e.Context?.Parser?.Row} could not be read as CSV; nothing was imported.");
        }
        return users;
    }

    private static Dictionary<string, int> Columns(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
            columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw Invalid($"The header lacks the column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}; "
                          + $"a OneRoster 1.1 users.csv names at least {string.Join(", ", RequiredColumns)}.");
        return columns;
    }

    private static OneRosterUser User(int row, string[] record, Dictionary<string, int> columns, int headerLength)
    {
        string Field(string name) =>
            columns.TryGetValue(name, out var index) && index < record.Length ? record[index].Trim() : "";

        var problem = record.Length == headerLength ? null
            : $"The row has {record.Length} fields; the header has {headerLength}.";
        return new OneRosterUser(
            row, Field("sourcedId"), Field("status"), Field("enabledUser"),
            Field("orgSourcedIds").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Field("role"), Field("givenName"), Field("familyName"), Field("email"), problem);
    }

    private static ValidationFailed Invalid(string message) => new("file", message);
}
