using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Portal.AppHost.Hosting;

/// <summary>
/// One line a project printed. Projects log with the simple console formatter on single lines
/// ("info: Category[EventId] message", exceptions folded into the same line), so a log entry is one line and its level
/// is the line's prefix. A line without that prefix (a crash's stack trace, a direct console write) has no level.
/// </summary>
public sealed partial record ServiceLogEntry(string Service, LogLevel? Level, string? Category, string Text, string Line, bool StandardError)
{
    /// <summary>Known levels are Information or above; a line with no level is counted too, as nothing says it is less.</summary>
    public bool InformationOrAbove => Level is null or >= LogLevel.Information;

    public static ServiceLogEntry Parse(string service, string line, bool standardError)
    {
        var entry = SingleLineEntry().Match(line);
        if (!entry.Success) return new(service, null, null, line, line, standardError);
        return new(service, LevelOf(entry.Groups["level"].Value), entry.Groups["category"].Value, entry.Groups["text"].Value, line, standardError);
    }

    private static LogLevel LevelOf(string prefix) => prefix switch
    {
        "trce" => LogLevel.Trace,
        "dbug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" => LogLevel.Warning,
        "fail" => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    [GeneratedRegex(@"^(?<level>trce|dbug|info|warn|fail|crit): (?<category>[^\s\[]+)\[-?\d+\] ?(?<text>.*)$")]
    private static partial Regex SingleLineEntry();
}
