using System.Diagnostics;
using Portal.AppHost.Infrastructure;

namespace Portal.Testing;

/// <summary>
/// The servers a test process started for itself. They are stopped and their folder deleted when the process
/// exits; a watchdog shell does the same if the process is killed before its exit handlers run.
/// </summary>
internal static class LocalServers
{
    private static readonly Lock Gate = new();
    private static readonly List<IAsyncDisposable> Servers = [];
    private static readonly List<string> KillCommands = [];
    private static Process? _watchdog;

    public static string StateDirectory { get; } =
        Path.Combine(RepositoryRoot.Find(), ".state", $"test-{Environment.ProcessId}");

    public static void Register(PostgresServer server)
    {
        Add(server);
        RestartWatchdog($"kill -KILL {server.ProcessId}");
    }

    public static void Register(RabbitMqServer server)
    {
        Add(server);
        RestartWatchdog($"kill -KILL -- -{server.ProcessId}; {RabbitMqBinaries.Epmd} -port {server.Node.EpmdPort} -kill");
    }

    private static void Add(IAsyncDisposable server)
    {
        lock (Gate)
        {
            if (Servers.Count == 0) AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
            Servers.Add(server);
        }
    }

    private static void StopAll()
    {
        lock (Gate)
        {
            foreach (var server in Enumerable.Reverse(Servers))
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Servers.Clear();
            _watchdog?.Kill();
            if (Directory.Exists(StateDirectory)) Directory.Delete(StateDirectory, recursive: true);
        }
    }

    /// <summary>One watchdog at a time, knowing every server started so far.</summary>
    private static void RestartWatchdog(string killCommand)
    {
        lock (Gate)
        {
            KillCommands.Add(killCommand);
            _watchdog?.Kill();
            var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                         $"{string.Join("; ", KillCommands)}; rm -rf '{StateDirectory}'";
            // Redirected so the watchdog never holds the test host's output open after the host is gone.
            var startInfo = new ProcessStartInfo("setsid")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "sh", "-c", script }) startInfo.ArgumentList.Add(argument);
            _watchdog = Process.Start(startInfo);
        }
    }
}
