using Microsoft.Extensions.Logging;

namespace Portal.AppHost.Infrastructure;

/// <summary>
/// Remembers the running node's process group and epmd port in the state folder, so a node left behind by an
/// AppHost that was killed outright is stopped on the next start instead of clashing with the new one.
/// </summary>
public sealed class RabbitMqLeftovers(string root, ILogger logger)
{
    private string RecordFile => Path.Combine(root, "running");

    public void Record(int processGroupId, int epmdPort) =>
        File.WriteAllText(RecordFile, $"{processGroupId} {epmdPort}");

    public void Clear() => File.Delete(RecordFile);

    public async Task StopAsync()
    {
        if (!File.Exists(RecordFile)) return;
        var parts = (await File.ReadAllTextAsync(RecordFile)).Split(' ');
        var (processGroupId, epmdPort) = (int.Parse(parts[0]), int.Parse(parts[1]));
        if (ProcessSignals.GroupMembers(processGroupId).Any(pid => Environment(pid).Contains(root)))
        {
            logger.LogWarning("A RabbitMQ node from an earlier run still uses {Root}; stopping it", root);
            await ProcessSignals.TerminateGroupAsync(processGroupId, TimeSpan.FromSeconds(15));
        }
        await KillEpmdAsync(epmdPort);
        Clear();
    }

    public static async Task KillEpmdAsync(int epmdPort)
    {
        await CommandRunner.RunAsync(RabbitMqBinaries.Epmd, ["-port", epmdPort.ToString(), "-kill"], timeout: TimeSpan.FromSeconds(10));
        foreach (var pid in EpmdProcesses(epmdPort))
            ProcessSignals.Signal(pid, ProcessSignals.SigKill);
    }

    /// <summary>epmd daemons started for the given port (Erlang passes the port in their environment).</summary>
    public static IEnumerable<int> EpmdProcesses(int epmdPort)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            if (!CommandLine(pid).Contains("epmd") || !ProcessSignals.IsAlive(pid)) continue;
            if (Environment(pid).Contains($" ERL_EPMD_PORT={epmdPort} ") || CommandLine(pid).Contains($" -port {epmdPort} "))
                yield return pid;
        }
    }

    private static string CommandLine(int pid) => ReadProc(pid, "cmdline");
    private static string Environment(int pid) => ReadProc(pid, "environ");

    private static string ReadProc(int pid, string file)
    {
        // Padded with spaces so " NAME=value " matches whole entries only.
        try { return " " + File.ReadAllText($"/proc/{pid}/{file}").Replace('\0', ' ') + " "; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return " "; }
    }
}
