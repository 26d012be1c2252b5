using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Portal.AppHost.Infrastructure;

/// <summary>
/// A PostgreSQL server from the Debian binaries with its data under a state folder, listening on 127.0.0.1 on
/// a free port. The data folder is reused on the next start. As root, initdb and pg_ctl run as the postgres
/// system user because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SystemUser = "postgres";
    private readonly PostgresBinaries _binaries;
    private readonly string _dataDirectory;
    private readonly ILogger _logger;
    private bool _stopped;

    private PostgresServer(PostgresBinaries binaries, string dataDirectory, int port, int processId, ILogger logger)
    {
        _binaries = binaries;
        _dataDirectory = dataDirectory;
        _logger = logger;
        Port = port;
        ProcessId = processId;
        Connection = new PostgresConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = DevelopmentCredentials.PostgresUser,
            Password = DevelopmentCredentials.PostgresPassword,
            Database = "postgres",
        }.ConnectionString);
    }

    public int Port { get; }
    public int ProcessId { get; private set; }
    public PostgresConnection Connection { get; }

    public static async Task<PostgresServer> StartAsync(string stateDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var binaries = PostgresBinaries.Locate();
        var root = await ReachableRootAsync(Path.Combine(Path.GetFullPath(stateDirectory), "postgres"), logger, cancellationToken);
        var dataDirectory = Path.Combine(root, "data");
        var socketDirectory = SocketDirectory(root);
        Directory.CreateDirectory(dataDirectory);
        Directory.CreateDirectory(socketDirectory);
        await HandOverToSystemUserAsync([root, socketDirectory], cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            await InitializeAsync(binaries, root, dataDirectory, logger, cancellationToken);
        await StopLeftoverAsync(binaries, dataDirectory, logger, cancellationToken);

        var port = FreePort.Next();
        var log = Path.Combine(root, "postgres.log");
        logger.LogInformation("Starting PostgreSQL on 127.0.0.1:{Port} (data {DataDirectory})", port, dataDirectory);
        var started = await CommandRunner.RunAsync(binaries.PgCtl,
            ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", log,
             "-o", $"-p {port} -h 127.0.0.1 -k '{socketDirectory}'"],
            // Not cancelled half-way, so a server that did start is always known and stopped below.
            runAsUser: SystemUser, cancellationToken: CancellationToken.None);
        if (!started.Succeeded)
            throw new InvalidOperationException(
                $"PostgreSQL did not start: {started.Output}{Environment.NewLine}{Tail(log)}");

        var server = new PostgresServer(binaries, dataDirectory, port, ReadPostmasterPid(dataDirectory), logger);
        try
        {
            await server.Connection.WaitUntilAcceptingAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
        return server;
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        _logger.LogInformation("Stopping PostgreSQL (pid {ProcessId})", ProcessId);
        NpgsqlConnection.ClearAllPools();
        var stopped = await CommandRunner.RunAsync(_binaries.PgCtl, ["stop", "-w", "-t", "20", "-m", "fast", "-D", _dataDirectory],
            runAsUser: SystemUser, timeout: TimeSpan.FromSeconds(30));
        if (!stopped.Succeeded && ProcessSignals.IsAlive(ProcessId))
        {
            _logger.LogWarning("pg_ctl stop failed ({Output}); killing PostgreSQL", stopped.Output);
            ProcessSignals.SignalGroup(ProcessId, ProcessSignals.SigKill);
        }
    }

    /// <summary>pg_ctl restart (fast: open connections are cut); the server keeps its port and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Restarting PostgreSQL (pid {ProcessId})", ProcessId);
        // The log file as at start: without -l the new server would keep pg_ctl's output pipe open and we would wait on it forever.
        var restarted = await CommandRunner.RunAsync(_binaries.PgCtl,
            ["restart", "-w", "-t", "60", "-m", "fast", "-D", _dataDirectory, "-l", Path.Combine(Path.GetDirectoryName(_dataDirectory)!, "postgres.log")],
            runAsUser: SystemUser, cancellationToken: CancellationToken.None);
        if (!restarted.Succeeded) throw new InvalidOperationException($"PostgreSQL did not restart: {restarted.Output}");
        ProcessId = ReadPostmasterPid(_dataDirectory);
        await Connection.WaitUntilAcceptingAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static async Task InitializeAsync(
        PostgresBinaries binaries, string root, string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Initialising a new PostgreSQL data folder at {DataDirectory}", dataDirectory);
        var passwordFile = Path.Combine(root, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, DevelopmentCredentials.PostgresPassword, cancellationToken);
        try
        {
            await HandOverToSystemUserAsync([passwordFile], cancellationToken);
            await CommandRunner.RunCheckedAsync(binaries.InitDb,
                ["-D", dataDirectory, "-U", DevelopmentCredentials.PostgresUser, "--pwfile", passwordFile,
                 "--auth", "scram-sha-256", "--encoding", "UTF8", "--no-locale", "--no-instructions"],
                // Not cancelled half-way: a killed initdb leaves a data folder that cannot be initialised again.
                runAsUser: SystemUser, cancellationToken: CancellationToken.None);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>A server left running by an AppHost that was killed: stop it so we can start on a fresh port.</summary>
    private static async Task StopLeftoverAsync(
        PostgresBinaries binaries, string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var status = await CommandRunner.RunAsync(binaries.PgCtl, ["status", "-D", dataDirectory],
            runAsUser: SystemUser, cancellationToken: cancellationToken);
        if (!status.Succeeded) return;
        logger.LogWarning("A PostgreSQL from an earlier run still uses {DataDirectory}; stopping it", dataDirectory);
        await CommandRunner.RunAsync(binaries.PgCtl, ["stop", "-w", "-m", "fast", "-D", dataDirectory],
            runAsUser: SystemUser, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// As root, the postgres user must be able to reach the folder (e.g. not a checkout under /root). If it
    /// cannot, the data lives in /tmp and the state folder holds a symlink to it, so deleting the state folder
    /// with its link target (./portal does) still removes everything.
    /// </summary>
    private static async Task<string> ReachableRootAsync(string root, ILogger logger, CancellationToken cancellationToken)
    {
        var linked = new FileInfo(root).LinkTarget;
        if (linked is not null) return linked;
        if (!ProcessSignals.IsRoot) return root;
        var stateDirectory = Path.GetDirectoryName(root)!;
        Directory.CreateDirectory(stateDirectory);
        var reachable = await CommandRunner.RunAsync("test", ["-x", stateDirectory], runAsUser: SystemUser,
            cancellationToken: cancellationToken);
        if (reachable.Succeeded) return root;

        var fallback = Path.Combine(Path.GetTempPath(), $"portal-postgres-{Hash(root)}");
        logger.LogWarning("The postgres user cannot reach {StateDirectory}; keeping PostgreSQL's data in {Fallback}",
            stateDirectory, fallback);
        Directory.CreateDirectory(fallback);
        Directory.CreateSymbolicLink(root, fallback);
        return fallback;
    }

    private static async Task HandOverToSystemUserAsync(string[] paths, CancellationToken cancellationToken)
    {
        if (!ProcessSignals.IsRoot) return;
        await CommandRunner.RunCheckedAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", .. paths],
            cancellationToken: cancellationToken);
    }

    /// <summary>Unix socket paths are limited to 107 bytes; a deep checkout falls back to a short /tmp folder.</summary>
    private static string SocketDirectory(string root)
    {
        var preferred = Path.Combine(root, "sockets");
        if (preferred.Length <= 80) return preferred;
        return Path.Combine(Path.GetTempPath(), $"portal-pg-{Hash(root)}");
    }

    private static string Hash(string path) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12].ToLowerInvariant();

    private static int ReadPostmasterPid(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        return int.Parse(File.ReadLines(pidFile).First().Trim());
    }

    private static string Tail(string file) =>
        File.Exists(file) ? string.Join(Environment.NewLine, File.ReadLines(file).TakeLast(20)) : "";
}
