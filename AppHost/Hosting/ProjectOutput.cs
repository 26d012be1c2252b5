namespace Portal.AppHost.Hosting;

/// <summary>Finds a project's built assembly: bin/&lt;Configuration&gt;/net10.0/Portal.&lt;csproj name&gt;.dll.</summary>
public static class ProjectOutput
{
    private const string TargetFramework = "net10.0";

    public static string FindAssembly(string projectDirectory, string configuration)
    {
        var projectFile = Directory.Exists(projectDirectory)
            ? Directory.GetFiles(projectDirectory, "*.csproj").SingleOrDefault()
            : null;
        if (projectFile is null)
            throw new InvalidOperationException($"No single .csproj in {projectDirectory}.");

        var assemblyFile = $"Portal.{Path.GetFileNameWithoutExtension(projectFile)}.dll";
        var preferred = Path.Combine(projectDirectory, "bin", configuration, TargetFramework, assemblyFile);
        if (File.Exists(preferred)) return preferred;

        var bin = Path.Combine(projectDirectory, "bin");
        var anyConfiguration = Directory.Exists(bin)
            ? Directory.GetDirectories(bin)
                .Select(folder => Path.Combine(folder, TargetFramework, assemblyFile))
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return anyConfiguration ?? throw new InvalidOperationException(
            $"{assemblyFile} is not built (looked in {bin}/*/{TargetFramework}). Run 'dotnet build Portal.sln' first.");
    }
}
