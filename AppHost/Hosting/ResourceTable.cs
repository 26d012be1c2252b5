using System.Text;

namespace Portal.AppHost.Hosting;

/// <summary>The table printed once everything is up: what runs where, and whether it answers.</summary>
public static class ResourceTable
{
    public static string Format(IReadOnlyList<ResourceStatus> resources)
    {
        string[] headers = ["RESOURCE", "URL", "STATE"];
        var rows = resources.Select(r => new[]
        {
            r.Name,
            r.Url,
            (r.Healthy ? "healthy" : "UNHEALTHY") + (r.ProcessId is { } pid ? $" (pid {pid})" : r.StartedBySystem ? "" : " (external)"),
        }).ToList();
        var widths = Enumerable.Range(0, headers.Length)
            .Select(column => rows.Select(row => row[column].Length).Append(headers[column].Length).Max())
            .ToArray();

        var table = new StringBuilder();
        void Line(string[] cells) =>
            table.AppendLine(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        Line(headers);
        Line([.. widths.Select(width => new string('-', width))]);
        rows.ForEach(Line);
        return table.ToString();
    }
}
