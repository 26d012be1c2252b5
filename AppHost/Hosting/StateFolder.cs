namespace Portal.AppHost.Hosting;

/// <summary>
/// The git-ignored folder holding a run's server data. One AppHost at a time may use it: the lock file is
/// held open exclusively (flock) for the AppHost's lifetime and released by the OS even if it is killed.
/// </summary>
public sealed class StateFolder : IDisposable
{
    private const string DemoSeededMarker = "demo-seeded";
    private readonly FileStream _lock;

    private StateFolder(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    public string Path { get; }
    public bool DemoDataSeeded => File.Exists(System.IO.Path.Combine(Path, DemoSeededMarker));

    public static StateFolder Acquire(string path)
    {
        Directory.CreateDirectory(path);
        try
        {
            var lockFile = new FileStream(System.IO.Path.Combine(path, "apphost.lock"),
                FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new StateFolder(path, lockFile);
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"Another AppHost is using the state folder {path}. Stop it, or pass --state with another folder.");
        }
    }

    /// <summary>Deletes a state folder together with folders it links to (see PostgresServer's /tmp fallback).</summary>
    public static void Delete(string path)
    {
        if (!Directory.Exists(path)) return;
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is { } target && Directory.Exists(target)) Directory.Delete(target, recursive: true);
        }
        Directory.Delete(path, recursive: true);
    }

    public void MarkDemoDataSeeded() =>
        File.WriteAllText(System.IO.Path.Combine(Path, DemoSeededMarker), DateTimeOffset.UtcNow.ToString("O"));

    public void Dispose() => _lock.Dispose();
}
