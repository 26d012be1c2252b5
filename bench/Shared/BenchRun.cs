using Portal.AppHost;
using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;

namespace Portal.Bench;

/// <summary>
/// The whole system started through the AppHost's declaration (as the end-to-end tests start it) for one benchmark
/// program: its own state folder (deleted afterwards) and the services' output in <c>.state/bench-&lt;name&gt;.log</c>.
/// </summary>
public sealed class BenchRun : IAsyncDisposable
{
    static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(5);

    readonly RunLog _log;

    BenchRun(PortalSystem system, string stateDirectory, RunLog log)
    {
        System = system;
        StateDirectory = stateDirectory;
        _log = log;
    }

    public PortalSystem System { get; }
    public string StateDirectory { get; }

    /// <summary>Where the services' output goes (kept after the run, overwritten by the next).</summary>
    public static string LogPath(string name) => Path.Combine(RepositoryRoot.Find(), ".state", $"bench-{name}.log");

    public static async Task<BenchRun> StartAsync(string name)
    {
        var state = Path.Combine(RepositoryRoot.Find(), ".state", $"bench-{name}-{Environment.ProcessId}");
        var log = new RunLog(LogPath(name));
        using var timeout = new CancellationTokenSource(StartupTimeout);
        try
        {
            var system = await PortalSystem.StartAsync(new PortalSystemOptions
            {
                StateDirectory = state, GatewayPort = 0, Output = log.Write, LoggerFactory = log.Loggers,
            }, timeout.Token);
            return new BenchRun(system, state, log);
        }
        catch
        {
            log.Dispose();
            StateFolder.Delete(state);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await System.DisposeAsync();
        StateFolder.Delete(StateDirectory);
        _log.Dispose();
    }
}
