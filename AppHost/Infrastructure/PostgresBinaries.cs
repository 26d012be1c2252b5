namespace Portal.AppHost.Infrastructure;

/// <summary>The Debian PostgreSQL server binaries (package postgresql, e.g. /usr/lib/postgresql/15/bin).</summary>
public sealed record PostgresBinaries(string Directory)
{
    public string InitDb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public static PostgresBinaries Locate()
    {
        var configured = Environment.GetEnvironmentVariable("PORTAL_POSTGRES_BIN");
        if (!string.IsNullOrEmpty(configured)) return new PostgresBinaries(configured);

        const string debianRoot = "/usr/lib/postgresql";
        var newest = System.IO.Directory.Exists(debianRoot)
            ? System.IO.Directory.EnumerateDirectories(debianRoot)
                .Where(version => File.Exists(Path.Combine(version, "bin", "postgres")))
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return newest is not null
            ? new PostgresBinaries(Path.Combine(newest, "bin"))
            : throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql. Install them with " +
                "'apt-get install postgresql' (./portal does this) or set PORTAL_POSTGRES_BIN.");
    }
}
