namespace Portal.AppHost.Hosting;

/// <summary>NAME=value lines, one per variable, for a shell to read line by line and export (values hold
/// semicolons, so not for `source`); written atomically so a reader waiting for the
/// file never sees half of it.</summary>
public static class EnvFile
{
    public static void Write(string path, IReadOnlyDictionary<string, string> variables)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, variables.Select(variable => $"{variable.Key}={variable.Value}"));
        File.Move(temporary, path, overwrite: true);
    }
}
