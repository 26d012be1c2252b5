using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;

namespace Portal.ServiceDefaults.Tests.Permissions;

/// <summary>One table row of docs/permission-chart.md: scopes in the order of <see cref="PermissionMatrix.Columns"/>.</summary>
public sealed record ChartRow(string Section, string Name, IReadOnlyList<Scope> Scopes, string Restriction, int Line);

/// <summary>Reads the chart document and compares it with the matrix, so neither can change alone.</summary>
public static class PermissionChart
{
    private const string None = "—";

    private static readonly string[] Header =
        ["Permission", "District Administrator", "Customer Administrator", "Building Administrator", "Teacher", "Restriction"];

    private static readonly Dictionary<string, Scope> Scopes = new()
    {
        ["Organisation"] = Scope.Organisation,
        ["Own institution"] = Scope.OwnInstitution,
        ["Own classes"] = Scope.OwnClasses,
        ["Self"] = Scope.Self,
        [None] = Scope.None,
    };

    public static string DocumentPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
                return Path.Combine(dir.FullName, "docs", "permission-chart.md");
        throw new InvalidOperationException($"No Portal.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Every table row under a "## section" heading. Anything that looks like a row but does not read as one fails.</summary>
    public static IReadOnlyList<ChartRow> Parse(string markdown)
    {
        var rows = new List<ChartRow>();
        string? section = null;
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.StartsWith("## ", StringComparison.Ordinal))
                section = line[3..].Trim();
            if (!line.StartsWith('|'))
                continue;

            var cells = Cells(line, number);
            if (cells.All(c => c.Trim(':').Length > 0 && c.Trim(':').All(ch => ch == '-')))
                continue;
            if (cells[0] == Header[0])
            {
                if (!cells.SequenceEqual(Header))
                    throw new FormatException($"Line {number}: the header must read '{string.Join(" | ", Header)}'.");
                continue;
            }
            if (section is null)
                throw new FormatException($"Line {number}: a chart row before any '## ' section heading.");
            rows.Add(new ChartRow(section, cells[0], cells[1..5].Select(c => ScopeFrom(c, number)).ToList(),
                cells[5] == None ? "" : cells[5], number));
        }
        return rows;
    }

    /// <summary>Every way the chart and the matrix disagree, one line each; empty when they agree.</summary>
    public static IReadOnlyList<string> DifferencesFrom(IReadOnlyList<ChartRow> chart, IEnumerable<Permission> matrix)
    {
        var differences = new List<string>();
        var permissions = matrix.ToList();
        foreach (var duplicate in chart.GroupBy(r => (r.Section, r.Name)).Where(g => g.Count() > 1))
            differences.Add($"Chart lists '{duplicate.Key.Name}' under '{duplicate.Key.Section}' {duplicate.Count()} times.");

        foreach (var row in chart)
        {
            var permission = permissions.FirstOrDefault(p => p.Section == row.Section && p.Name == row.Name);
            if (permission is null)
            {
                differences.Add($"Line {row.Line}: the matrix has no '{row.Name}' under '{row.Section}'.");
                continue;
            }
            if (permission.Restriction != row.Restriction)
                differences.Add($"Line {row.Line}: '{row.Name}' restriction is '{permission.Restriction}' in the matrix, '{row.Restriction}' in the chart.");
            for (var c = 0; c < PermissionMatrix.Columns.Count; c++)
            {
                var type = PermissionMatrix.Columns[c];
                var granted = PermissionMatrix.ScopeOf(type, permission);
                if (granted != row.Scopes[c])
                    differences.Add($"Line {row.Line}: '{row.Name}' gives {type} {granted} in the matrix, {row.Scopes[c]} in the chart.");
            }
        }

        foreach (var permission in permissions.Where(p => !chart.Any(r => r.Section == p.Section && r.Name == p.Name)))
            differences.Add($"The chart has no row '{permission.Name}' under '{permission.Section}'.");
        return differences;
    }

    private static string[] Cells(string line, int number)
    {
        if (!line.EndsWith('|'))
            throw new FormatException($"Line {number}: a table row must end with '|'.");
        var cells = line[1..^1].Split('|').Select(c => c.Trim()).ToArray();
        if (cells.Length != Header.Length)
            throw new FormatException($"Line {number}: {cells.Length} cells where the chart has {Header.Length}.");
        return cells;
    }

    private static Scope ScopeFrom(string cell, int number) =>
        Scopes.TryGetValue(cell, out var scope)
            ? scope
            : throw new FormatException($"Line {number}: '{cell}' is not a scope ({string.Join(", ", Scopes.Keys)}).");
}
