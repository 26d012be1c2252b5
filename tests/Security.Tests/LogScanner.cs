using Portal.AppHost.Hosting;

namespace Portal.Security.Tests;

/// <summary>A secret found in a log entry: which service printed it, what kind of secret, and the line itself.</summary>
public sealed record LogFinding(string Service, SecretKind Kind, string Secret, ServiceLogEntry Entry)
{
    private const int ShownCharacters = 400;

    public override string ToString() =>
        $"[{Service}] {Kind} '{Secret}' in: {(Entry.Line.Length > ShownCharacters ? Entry.Line[..ShownCharacters] + "…" : Entry.Line)}";
}

/// <summary>Looks for the secrets in every entry at Information or above (and in lines with no level, which nothing filters).</summary>
public sealed class LogScanner(IEnumerable<Secret> secrets)
{
    private readonly IReadOnlyList<Secret> _secrets = [.. secrets.Concat(LogSecrets.Shapes)];

    public IReadOnlyList<LogFinding> Scan(IEnumerable<ServiceLogEntry> entries) =>
        [.. entries.Where(e => e.InformationOrAbove).SelectMany(Find)];

    private IEnumerable<LogFinding> Find(ServiceLogEntry entry) =>
        _secrets.Where(s => s.Pattern.IsMatch(entry.Line))
            .GroupBy(s => s.Kind)
            // One finding per kind and line: the specific value when it is known, else the shape.
            .Select(kind => kind.OrderBy(s => LogSecrets.Shapes.Contains(s)).First())
            .Select(s => new LogFinding(entry.Service, s.Kind, s.Value, entry));
}
