using System.Diagnostics;
using System.Text;

namespace Portal.AppHost.Infrastructure;

/// <summary>Runs a short-lived command (initdb, pg_ctl, rabbitmqctl, epmd) to completion.</summary>
public static class CommandRunner
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static async Task<Result> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? runAsUser = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = CreateStartInfo(fileName, arguments, runAsUser);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        var reading = Task.WhenAll(
            CopyAsync(process.StandardOutput, output),
            CopyAsync(process.StandardError, output));
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
            await reading;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{fileName} {string.Join(' ', startInfo.ArgumentList)} did not finish in time.");
        }
        lock (output) return new Result(process.ExitCode, output.ToString().Trim());
    }

    public static async Task<Result> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? runAsUser = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(fileName, arguments, environment, runAsUser, timeout, cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} failed with exit code {result.ExitCode}:{Environment.NewLine}{result.Output}");
        return result;
    }

    /// <summary>As root, PostgreSQL refuses to run: runuser switches to its own system user first.</summary>
    internal static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments, string? runAsUser)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (runAsUser is not null && ProcessSignals.IsRoot)
        {
            startInfo.FileName = "runuser";
            foreach (var argument in new[] { "-u", runAsUser, "--", fileName }) startInfo.ArgumentList.Add(argument);
        }
        else
        {
            startInfo.FileName = fileName;
        }
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        return startInfo;
    }

    private static async Task CopyAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
            lock (output) output.AppendLine(line);
    }
}
