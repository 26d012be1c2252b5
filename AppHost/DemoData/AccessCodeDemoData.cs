using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.Clients;

namespace Portal.AppHost.DemoData;

/// <summary>
/// Parent/guardian access codes at Northfield Academy: Dana enables codes for all of Year 10 in one bulk request, and
/// Grace Okoye, a parent, registers, verifies her email and pairs with her daughter Amara using Amara's code.
/// </summary>
public static class AccessCodeDemoData
{
    public const string GuardianEmail = "grace.okoye@home.example";
    public const string BulkYearGroup = "Y10";

    public static async Task SeedAsync(DemoTokens tokens, PickupMailbox mailbox, CancellationToken ct)
    {
        var district = tokens.Client(await tokens.SignInAsync(IdentityDemoData.DistrictAdministratorEmail, IdentityDemoData.DemoPassword));
        var roll = await district.GetFromJsonAsync<JsonElement>($"/roster/institutions/{InstitutionDemoData.NorthfieldAcademy}/students", ct);
        var yearTen = roll.EnumerateArray().Where(s => s.GetProperty("yearGroup").GetString() == BulkYearGroup).ToList();
        // AccessCode learns the students from Roster's messages; wait until it knows the whole year group.
        foreach (var student in yearTen)
            await DemoSteps.WaitUntil(async () => (await district.GetAsync($"/access-codes/students/{student.GetProperty("id").GetGuid()}", ct)).StatusCode
                == HttpStatusCode.OK, "AccessCode to know the Year 10 students", ct);

        await DemoSteps.Send(district.PostAsJsonAsync("/access-codes/bulk",
            new { schoolId = InstitutionDemoData.NorthfieldAcademy, yearGroups = new[] { BulkYearGroup }, mode = "MissingOnly" }, ct), ct);

        var amara = yearTen.Single(s => s.GetProperty("givenName").GetString() == "Amara").GetProperty("id").GetGuid();
        var view = await district.GetFromJsonAsync<JsonElement>($"/access-codes/students/{amara}", ct);
        var code = view.GetProperty("code").GetString()!;

        await GuardianSignUp.RegisterAsync(tokens.Gateway, mailbox, GuardianEmail, "Grace", "Okoye", IdentityDemoData.DemoPassword, ct);
        var guardian = tokens.Client(await tokens.SignInAsync(GuardianEmail, IdentityDemoData.DemoPassword));
        await DemoSteps.Send(guardian.PostAsJsonAsync("/access-codes/pair", new { code }, ct), ct);
    }
}
