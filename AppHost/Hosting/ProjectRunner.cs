using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.AppHost.Hosting.Model;
using Portal.AppHost.Infrastructure;

namespace Portal.AppHost.Hosting;

/// <summary>
/// Runs one project: launches `dotnet &lt;assembly&gt;`, waits for its health endpoint, restarts it with
/// exponential backoff when it dies, and stops it (SIGTERM, then SIGKILL) on request. A project may run as several
/// replicas, one runner each, told apart by <paramref name="instance"/> ("roster", "roster#2").
/// </summary>
public sealed class ProjectRunner(
    ProjectResource project,
    string instance,
    Uri url,
    string assembly,
    string workingDirectory,
    IReadOnlyDictionary<string, string?> environment,
    Action<string, string> output,
    Action<ServiceLogEntry>? serviceLog,
    ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    /// <summary>A project that dies this often before it ever answers is broken, not slow: stop waiting.</summary>
    private const int StartupCrashLimit = 5;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Queue<string> _recentOutput = new();
    private LaunchedProcess? _process;
    private Task _supervision = Task.CompletedTask;
    private int _launches;

    public ProjectResource Project => project;
    public string Instance => instance;
    public Uri Url => url;
    public int? ProcessId => _process?.Id;

    public IReadOnlyList<int> ProcessIds =>
        _process is { HasExited: false } process ? [.. ProcessSignals.GroupMembers(process.Id).DefaultIfEmpty(process.Id)] : [];

    public async Task StartAsync(HealthProbe probe, TimeSpan healthTimeout, CancellationToken cancellationToken)
    {
        Launch();
        _supervision = SuperviseAsync(_stopping.Token);
        await WaitUntilHealthyAsync(probe, healthTimeout, cancellationToken);
    }

    /// <summary>SIGKILL to the project's process group, as a crash would; supervision restarts it. Answers the killed pid.</summary>
    public int Kill()
    {
        var process = _process is { HasExited: false } running ? running
            : throw new InvalidOperationException($"{instance} is not running.");
        logger.LogWarning("Killing {Resource} (pid {ProcessId}) with SIGKILL", instance, process.Id);
        ProcessSignals.SignalGroup(process.Id, ProcessSignals.SigKill);
        return process.Id;
    }

    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        await _supervision.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_process is { HasExited: false } process)
        {
            logger.LogInformation("Stopping {Resource} (pid {ProcessId})", instance, process.Id);
            await process.StopAsync(StopGrace);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_process is not null) await _process.DisposeAsync();
        _stopping.Dispose();
    }

    private void Launch()
    {
        _launches++;
        _process = LaunchedProcess.Start("dotnet", [assembly], environment, workingDirectory, (line, standardError) =>
        {
            lock (_recentOutput)
            {
                _recentOutput.Enqueue(line);
                if (_recentOutput.Count > 40) _recentOutput.Dequeue();
            }
            output(instance, line);
            serviceLog?.Invoke(ServiceLogEntry.Parse(instance, line, standardError));
        });
        logger.LogInformation("Started {Resource} (pid {ProcessId}) on {Url}", instance, _process.Id, url);
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var backoff = new RestartBackoff();
        while (!stopping.IsCancellationRequested)
        {
            var running = Stopwatch.StartNew();
            int exitCode;
            try
            {
                exitCode = await _process!.Exited.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var delay = backoff.Next(running.Elapsed);
            logger.LogWarning("{Resource} exited with code {ExitCode}; restarting in {Delay}s",
                instance, exitCode, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await _process.DisposeAsync();
            Launch();
        }
    }

    private async Task WaitUntilHealthyAsync(HealthProbe probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var last = "";
        while (waited.Elapsed < timeout)
        {
            (var healthy, last) = await probe.CheckAsync(url, project.HealthPath, cancellationToken);
            if (healthy)
            {
                logger.LogInformation("{Resource} is healthy after {Seconds:0.0}s", instance, waited.Elapsed.TotalSeconds);
                return;
            }
            if (_launches > StartupCrashLimit)
            {
                last = $"exited {_launches - 1} times";
                break;
            }
            await Task.Delay(250, cancellationToken);
        }
        string recent;
        lock (_recentOutput) recent = string.Join(Environment.NewLine, _recentOutput);
        throw new TimeoutException(
            $"{instance} did not answer 200 on {new Uri(url, project.HealthPath)} after {waited.Elapsed.TotalSeconds:0}s " +
            $"(last: {last}). Its last output:{Environment.NewLine}{recent}");
    }
}
