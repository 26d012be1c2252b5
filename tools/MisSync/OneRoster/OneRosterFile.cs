using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Portal.MisSync.OneRoster;

/// <summary>One CSV file of a OneRoster 1.1 folder, read by header name; the columns a producer needs must be there.</summary>
public sealed class OneRosterFile(string name, IReadOnlyList<OneRosterRow> rows)
{
    public string Name { get; } = name;

    public IReadOnlyList<OneRosterRow> Rows { get; } = rows;

    public static OneRosterFile Read(string folder, string name, params string[] requiredColumns)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
            throw new OneRosterException($"{name} is missing from {folder}.");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader())
            throw new OneRosterException($"{name} has no header row.");
        var header = csv.HeaderRecord!;
        var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            throw new OneRosterException($"{name} lacks the OneRoster 1.1 column(s) {string.Join(", ", missing)}.");

        var rows = new List<OneRosterRow>();
        while (csv.Read())
            rows.Add(new OneRosterRow(csv.Parser.Row, header.Select((column, i) => (column, csv.GetField(i) ?? ""))
                .ToDictionary(f => f.column, f => f.Item2, StringComparer.Ordinal)));
        return new OneRosterFile(name, rows);
    }

    public static bool Exists(string folder, string name) => File.Exists(Path.Combine(folder, name));
}

public sealed record OneRosterRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string this[string column] => Fields.TryGetValue(column, out var value) ? value.Trim() : "";

    /// <summary>A comma-separated list field (orgSourcedIds, grades, subjects).</summary>
    public IReadOnlyList<string> List(string column) =>
        this[column].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>OneRoster's status "tobedeleted" (1.1) means the record is gone from the source system.</summary>
    public bool ToBeDeleted => this["status"].Equals("tobedeleted", StringComparison.OrdinalIgnoreCase);
}

public sealed class OneRosterException(string message) : Exception(message);
