using Portal.AppHost.DemoData;

namespace Portal.EndToEnd.Tests;

/// <summary>What several journeys share: waiting for messages to cross services, and the demo roll for a test's own school.</summary>
public static class Waiting
{
    public static async Task Until(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 120; i++)
        {
            if (await condition()) return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"Gave up waiting for {what} after 60 s.");
    }

    /// <summary>The demo roll (AppHost/DemoData/Roll), rewritten to name this test's school.</summary>
    public static string DemoRollFor(Guid school)
    {
        var folder = Directory.CreateTempSubdirectory("roll-").FullName;
        foreach (var file in Directory.GetFiles(RosterDemoData.RollFolder, "*.csv"))
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)),
                File.ReadAllText(file).Replace(InstitutionDemoData.NorthfieldAcademy.ToString(), school.ToString()));
        return folder;
    }
}
