namespace Portal.AppHost.Infrastructure;

/// <summary>The folder holding Portal.sln, found by walking up from where we run.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "Portal.sln";

    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                    return directory.FullName;
            }
        }
        throw new InvalidOperationException(
            $"Cannot find {SolutionFile} above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'.");
    }
}
