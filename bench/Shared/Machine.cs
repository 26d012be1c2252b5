using System.Runtime.InteropServices;

namespace Portal.Bench;

/// <summary>The machine the figures belong to.</summary>
public static class Machine
{
    public static void Print(TextWriter output, string benchmarks)
    {
        output.WriteLine($"# {benchmarks} benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine(Line);
    }

    /// <summary>CPU model, cores, operating system and runtime, as one line.</summary>
    public static string Line => $"{Cpu()}, {Environment.ProcessorCount} cores; {RuntimeInformation.OSDescription}; .NET {Environment.Version}";

    static string Cpu()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
