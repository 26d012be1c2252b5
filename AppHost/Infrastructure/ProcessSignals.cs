using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Portal.AppHost.Infrastructure;

/// <summary>POSIX signals. Every process we launch is a session (and process-group) leader via setsid, so
/// signalling the group reaches its children too and a Ctrl+C in the terminal reaches only the AppHost.</summary>
public static class ProcessSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    public static bool IsRoot => GetEffectiveUserId() == 0;

    public static void SignalGroup(int processGroupId, int signal) => Kill(-processGroupId, signal);

    public static void Signal(int pid, int signal) => Kill(pid, signal);

    public static bool IsAlive(int pid)
    {
        if (Kill(pid, 0) != 0) return false;
        // A zombie still "exists" for kill(0) but is gone for our purposes.
        var status = $"/proc/{pid}/status";
        try
        {
            return !File.ReadLines(status).Any(line => line.StartsWith("State:") && line.Contains('Z'));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Living processes whose process group is the given one (read from /proc).</summary>
    public static IEnumerable<int> GroupMembers(int processGroupId) =>
        LivingProcesses().Where(p => p.ProcessGroupId == processGroupId).Select(p => p.Pid);

    /// <summary>The process and its living descendants (PostgreSQL's backends each lead their own session).</summary>
    public static IReadOnlyList<int> WithDescendants(int pid)
    {
        var all = LivingProcesses().ToList();
        var found = new List<int> { pid };
        for (var i = 0; i < found.Count; i++)
            found.AddRange(all.Where(p => p.ParentPid == found[i]).Select(p => p.Pid));
        return found;
    }

    private static IEnumerable<(int Pid, int ParentPid, int ProcessGroupId)> LivingProcesses()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(directory, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // Fields after the ")" that closes the command name: state ppid pgrp ...
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] != "Z") yield return (pid, int.Parse(fields[1]), int.Parse(fields[2]));
        }
    }

    /// <summary>SIGTERM to the group, then SIGKILL to whatever is left after the grace period.</summary>
    public static async Task TerminateGroupAsync(int processGroupId, TimeSpan grace, int signal = SigTerm)
    {
        SignalGroup(processGroupId, signal);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < grace)
        {
            if (!GroupMembers(processGroupId).Any()) return;
            await Task.Delay(100);
        }
        SignalGroup(processGroupId, SigKill);
        while (GroupMembers(processGroupId).Any() && deadline.Elapsed < grace + TimeSpan.FromSeconds(5))
            await Task.Delay(50);
    }
}
