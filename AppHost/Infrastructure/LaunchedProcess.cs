using System.Diagnostics;

namespace Portal.AppHost.Infrastructure;

/// <summary>
/// A long-running child started through setsid, so it leads its own process group: the terminal's Ctrl+C
/// reaches only the AppHost, which then stops children in order, and stopping signals the whole group.
/// </summary>
public sealed class LaunchedProcess : IAsyncDisposable
{
    private readonly Process _process;

    private LaunchedProcess(Process process)
    {
        _process = process;
        Exited = WaitForExitAsync();
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    /// <summary>Completes with the exit code once the process is gone and its output is drained.</summary>
    public Task<int> Exited { get; }

    /// <param name="environment">Variables to set on top of ours; a null value removes an inherited one.</param>
    /// <param name="onOutput">Each line of stdout (false) and stderr (true).</param>
    public static LaunchedProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        Action<string, bool> onOutput)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(fileName);
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) startInfo.Environment.Remove(name);
            else startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data, true); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LaunchedProcess(process);
    }

    /// <summary>Signal the group (SIGTERM by default), SIGKILL what is left after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace, int signal = ProcessSignals.SigTerm)
    {
        // Children that started their own session (e.g. Erlang's helpers) are outside the group: remember them.
        var family = ProcessSignals.WithDescendants(_process.Id);
        await ProcessSignals.TerminateGroupAsync(_process.Id, grace, signal);
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        foreach (var pid in family.Where(ProcessSignals.IsAlive))
            ProcessSignals.Signal(pid, ProcessSignals.SigKill);
        await ((Task)Exited).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }
}
