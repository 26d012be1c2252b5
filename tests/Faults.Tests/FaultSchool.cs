using System.Net.Http.Json;
using Portal.EndToEnd.Tests;

namespace Portal.Faults.Tests;

/// <summary>
/// A fresh organisation for one fault run, set up through the gateway so the whole chain applies to it: a secondary
/// school Roster knows, a term around today (so an enabled login is billed in it), and student logins on for Years 10
/// and 11 (the years the load enrols, so every student synced gets a login and is billed).
/// </summary>
public sealed record FaultSchool(Guid Org, Guid School, HttpClient Admin, string TermId)
{
    public static readonly string[] YearGroups = ["Y10", "Y11"];

    public static async Task<FaultSchool> CreateAsync(Clients clients, string name)
    {
        var code = Random.Shared.Next(100_000, 999_999).ToString();
        var (org, school, admin) = await clients.SchoolAsync($"{name} Trust", $"{name} Academy", code);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (start, end) = (today.AddDays(-30), today.AddDays(60));
        var termId = $"{start.Year}-faults";
        var term = await admin.PutAsJsonAsync($"/institution/organisations/{org}/terms/{termId}",
            new { name = "Faults", start, end });
        Assert.True(term.IsSuccessStatusCode, await term.Content.ReadAsStringAsync());

        var operatorForOrg = clients.Bearer(await clients.OperatorTokenAsync(), org);
        var logins = await operatorForOrg.PutAsJsonAsync($"/institution/institutions/{school}/settings/student-logins",
            new { enabled = true, yearGroups = YearGroups });
        Assert.True(logins.IsSuccessStatusCode, await logins.Content.ReadAsStringAsync());
        return new FaultSchool(org, school, admin, termId);
    }
}
