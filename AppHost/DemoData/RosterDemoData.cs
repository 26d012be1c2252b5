using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.Infrastructure;
using Portal.MisSync;

namespace Portal.AppHost.DemoData;

/// <summary>
/// Northfield Academy's roll as its MIS sends it: the OneRoster folder AppHost/DemoData/Roll (14 students in Years 7,
/// 10 and 11, three classes, two taught by Sam Okafor) published to RabbitMQ by the MIS sync producer (tools/MisSync),
/// exactly as a school's nightly sync would, as the school's full roll.
/// </summary>
public static class RosterDemoData
{
    public const int Students = 14;

    public static string RollFolder => Path.Combine(RepositoryRoot.Find(), "AppHost", "DemoData", "Roll");

    public static async Task SeedAsync(DemoTokens tokens, Uri rabbitMq, CancellationToken ct)
    {
        var district = tokens.Client(await tokens.SignInAsync(IdentityDemoData.DistrictAdministratorEmail, IdentityDemoData.DemoPassword));
        var students = $"/roster/institutions/{InstitutionDemoData.NorthfieldAcademy}/students";
        // Roster learns the school from Institution's messages; an MIS record for a school it does not know is refused.
        await DemoSteps.WaitUntil(async () => (await district.GetAsync(students, ct)).StatusCode == HttpStatusCode.OK, "Roster to know Northfield Academy", ct);

        await new MisRollPublisher(rabbitMq).PublishFolderAsync(
            new MisRollRequest(InstitutionDemoData.Trust, InstitutionDemoData.NorthfieldAcademy, RollFolder, FullRoll: true), ct);
        await DemoSteps.WaitUntil(async () => (await district.GetFromJsonAsync<JsonElement>(students, ct)).GetArrayLength() == Students,
            "the demo roll to arrive in Roster", ct);
    }
}
