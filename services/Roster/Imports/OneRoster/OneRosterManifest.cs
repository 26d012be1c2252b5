using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.OneRoster;

/// <summary>
/// manifest.csv: the set must say it is OneRoster 1.1 and give each data file the import reads as bulk or delta
/// (both are read the same way: every row is upserted; nothing is removed for being left out of the set).
/// </summary>
public static class OneRosterManifest
{
    private static readonly string[] DataFiles =
        [OneRosterFiles.AcademicSessions, OneRosterFiles.Orgs, OneRosterFiles.Users, OneRosterFiles.Classes, OneRosterFiles.Enrollments];

    public static void Check(IReadOnlyList<CsvRecord> rows)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
            properties.TryAdd(row[0], row[1]);

        var version = properties.GetValueOrDefault("oneroster.version");
        if (version != "1.1")
            throw Invalid(version is null
                ? "manifest.csv lacks the property oneroster.version; this import reads OneRoster 1.1 sets (oneroster.version,1.1)."
                : $"manifest.csv gives oneroster.version as '{version}'; this import reads OneRoster 1.1 sets.");

        foreach (var file in DataFiles)
        {
            var property = OneRosterFiles.ManifestProperty(file);
            var mode = properties.GetValueOrDefault(property);
            if (mode is not ("bulk" or "delta"))
                throw Invalid(mode is null
                    ? $"manifest.csv lacks the property {property}; give it as bulk (or delta) with {file} in the zip."
                    : $"manifest.csv gives {property} as '{mode}'; this import reads {file} and needs it as bulk or delta.");
        }
    }

    private static ValidationFailed Invalid(string message) => new(OneRosterFiles.Manifest, message);
}
