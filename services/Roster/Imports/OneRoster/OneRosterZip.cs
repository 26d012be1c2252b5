using System.IO.Compression;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.OneRoster;

/// <summary>
/// Opens a OneRoster 1.1 CSV zip and reads the files the import needs. Unpacking is bounded whatever the zip's
/// directory claims, so a zip bomb is refused after at most <see cref="MaxUnpackedBytes"/> bytes, never expanded
/// in full. Files are found by name anywhere in the zip (a zipped folder works); macOS resource forks are ignored.
/// </summary>
public static class OneRosterZip
{
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;
    public const int MaxEntries = 200;
    public const int MaxRowsPerFile = 200_000;

    public static OneRosterSet Read(byte[] zip)
    {
        using var archive = Open(zip);
        var entries = Entries(archive);
        var budget = MaxUnpackedBytes;
        IReadOnlyList<CsvRecord> Csv(string file)
        {
            using var content = Unpack(entries[file], ref budget);
            return OneRosterCsv.Read(file, content, MaxRowsPerFile);
        }

        OneRosterManifest.Check(Csv(OneRosterFiles.Manifest));
        var orgs = Csv(OneRosterFiles.Orgs).Select(r => new OrgRow(r.Row, r[0], r[1], r[3], r[4], r[5], r.Problem)).ToList();
        var users = Csv(OneRosterFiles.Users).Select(r => new UserRow(r.Row, r[0], r[1], r[3], OneRosterCsv.List(r[4]), r[5], r[8], r[9],
            r[11], r[12], OneRosterCsv.List(r[16]), r.Problem)).ToList();
        var classes = Csv(OneRosterFiles.Classes).Select(r => new ClassRow(r.Row, r[0], r[1], r[3], r[9], OneRosterCsv.List(r[11]),
            r.Problem)).ToList();
        var enrollments = Csv(OneRosterFiles.Enrollments).Select(r => new EnrollmentRow(r.Row, r[0], r[1], r[3], r[4], r[5], r[6],
            r.Problem)).ToList();
        var sessions = Csv(OneRosterFiles.AcademicSessions).Count;
        return new OneRosterSet(orgs, users, classes, enrollments, sessions);
    }

    private static ZipArchive Open(byte[] zip)
    {
        try
        {
            return new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new ValidationFailed("file", $"The file is not a readable zip archive ({e.Message}).");
        }
    }

    private static Dictionary<string, ZipArchiveEntry> Entries(ZipArchive archive)
    {
        if (archive.Entries.Count > MaxEntries)
            throw new ValidationFailed("file", $"The zip holds {archive.Entries.Count:N0} entries; a OneRoster set has at most {MaxEntries}.");
        var found = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries.Where(e => e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)))
        {
            if (!OneRosterFiles.Headers.ContainsKey(entry.Name)) continue;
            if (!found.TryAdd(entry.Name, entry))
                throw new ValidationFailed(entry.Name, $"The zip holds {entry.Name} twice ({found[entry.Name].FullName} and {entry.FullName}).");
        }
        var missing = OneRosterFiles.Required.Where(f => !found.ContainsKey(f)).ToList();
        if (missing.Count > 0)
            throw new ValidationFailed(missing[0], $"The zip has no {Text.List(missing)}; a OneRoster 1.1 import needs "
                                                   + $"{Text.List(OneRosterFiles.Required)} (names as written).");
        return found;
    }

    private static MemoryStream Unpack(ZipArchiveEntry entry, ref long budget)
    {
        if (entry.Length > budget)
            throw TooLarge(entry);
        var unpacked = new MemoryStream();
        try
        {
            using var source = entry.Open();
            var chunk = new byte[81920];
            int read;
            while ((read = source.Read(chunk)) > 0)
            {
                budget -= read;
                if (budget < 0) throw TooLarge(entry);
                unpacked.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new ValidationFailed(entry.Name, $"{entry.Name} could not be unpacked ({e.Message}).");
        }
        unpacked.Position = 0;
        return unpacked;
    }

    private static ValidationFailed TooLarge(ZipArchiveEntry entry) => new(entry.Name,
        $"The zip unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB by {entry.Name}; a OneRoster set that large (or a zip bomb) "
        + "is not imported. Split the set.");
}
