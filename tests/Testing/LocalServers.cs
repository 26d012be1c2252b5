using System.Diagnostics;
using Portal.AppHost.Infrastructure;

namespace Portal.Testing;

/// <summary>
/// The servers a test process started for itself, and their folder: thrown away at process exit. The test host
/// may be killed moments after its exit handlers start, so stopping is immediate (the data is discarded anyway),
/// and a watchdog shell does the same if the process dies before its handlers run at all.
/// </summary>
internal static class LocalServers
{
    private static readonly Lock Gate = new();
    private static readonly List<string> StopCommands = [];
    private static Process? _watchdog;

    public static string StateDirectory { get; } =
        Path.Combine(RepositoryRoot.Find(), ".state", $"test-{Environment.ProcessId}");

    // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster takes its backends down with it.
    public static void Register(PostgresServer server) =>
        Add($"kill -QUIT {server.ProcessId}; {WaitUntilGone(server.ProcessId)}");

    public static void Register(RabbitMqServer server) =>
        Add($"kill -KILL -{server.ProcessId}; {WaitUntilGone(server.ProcessId)}; " +
            $"{RabbitMqBinaries.Epmd} -port {server.Node.EpmdPort} -kill");

    private static string WaitUntilGone(int pid) =>
        $"for i in $(seq 50); do kill -0 {pid} 2>/dev/null || break; sleep 0.1; done";

    private static void Add(string stopCommand)
    {
        lock (Gate)
        {
            if (StopCommands.Count == 0) AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
            StopCommands.Add(stopCommand);
            RestartWatchdog();
        }
    }

    private static void StopAll()
    {
        lock (Gate)
        {
            _watchdog?.Kill();
            using var stop = Shell(StopScript());
            stop.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    private static string StopScript() =>
        // readlink: PostgreSQL's data may live behind a symlink when the postgres user cannot reach .state/.
        $"{string.Join("; ", StopCommands)}; rm -rf \"$(readlink -f '{StateDirectory}/postgres')\" '{StateDirectory}'";

    /// <summary>One watchdog at a time, knowing every server started so far.</summary>
    private static void RestartWatchdog()
    {
        _watchdog?.Kill();
        _watchdog = Shell($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {StopScript()}");
    }

    /// <summary>A shell in its own session, output redirected so it never holds the test host's output open.</summary>
    private static Process Shell(string script)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "sh", "-c", script }) startInfo.ArgumentList.Add(argument);
        return Process.Start(startInfo)!;
    }
}
