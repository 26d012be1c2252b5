using Portal.AppHost.DemoData;

namespace Portal.EndToEnd.Tests;

/// <summary>What several journeys share: waiting for messages to cross services, and the demo roll for a test's own school.</summary>
public static class Waiting
{
    public static Task Until(Func<Task<bool>> condition, string what) => Until(condition, what, TimeSpan.FromSeconds(60));

    /// <summary>Polls every half second until the condition holds, or fails naming what never happened.</summary>
    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (await condition()) return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"Gave up waiting for {what} after {timeout.TotalSeconds:0} s.");
    }

    /// <summary>
    /// The demo roll (AppHost/DemoData/Roll), rewritten to name this test's school and to give its students an email
    /// domain of the school's own: usernames are unique across the platform, and every journey publishes the same roll.
    /// </summary>
    public static string DemoRollFor(Guid school)
    {
        var folder = Directory.CreateTempSubdirectory("roll-").FullName;
        foreach (var file in Directory.GetFiles(RosterDemoData.RollFolder, "*.csv"))
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)),
                File.ReadAllText(file).Replace(InstitutionDemoData.NorthfieldAcademy.ToString(), school.ToString())
                    .Replace(DemoStudentEmailDomain, StudentEmailDomainOf(school)));
        return folder;
    }

    public const string DemoStudentEmailDomain = "@students.northfield-academy.example";

    public static string StudentEmailDomainOf(Guid school) => $"@students.s{school:N}.example";
}
