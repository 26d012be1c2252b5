using System.Net;
using System.Net.Http.Json;
using Portal.AppHost.Clients;
using static Portal.AppHost.DemoData.InstitutionDemoData;

namespace Portal.AppHost.DemoData;

/// <summary>
/// The trust's staff: a District Administrator set up by the platform operator (with the business role to log into
/// associated schools, associated with the North cluster) and a teacher at Northfield Academy. Each sets their
/// password through the invitation email in the development mail folder, as a person would.
/// </summary>
public static class IdentityDemoData
{
    public const string DistrictAdministratorEmail = "dana.reid@northfield-trust.example";
    public const string TeacherEmail = "sam.okafor@northfield-academy.example";
    // Local-development demo password only; README lists it.
    public const string DemoPassword = "Demo-only-password-1";
    public static readonly Guid Teacher = Guid.Parse("5c6f0000-0000-4000-8000-000000000102");

    static readonly object[] MisAccess = [new { name = "MIS access", permissions = new[] { "Login to MIS: Associated institutions" } }];

    public static async Task SeedAsync(DemoTokens tokens, PickupMailbox mailbox, CancellationToken ct)
    {
        var trust = InstitutionDemoData.Trust;
        var operatorClient = await tokens.OperatorAsync(actingOn: trust);
        await Send(operatorClient.PostAsJsonAsync("/identity/staff", new
        {
            id = InstitutionDemoData.DistrictAdministrator, email = DistrictAdministratorEmail, givenName = "Dana", familyName = "Reid",
            staffType = "DistrictAdministrator", roles = MisAccess,
        }, ct));
        await AcceptInvitation(tokens, mailbox, DistrictAdministratorEmail, ct);

        var district = tokens.Client(await tokens.SignInAsync(DistrictAdministratorEmail, DemoPassword));
        await Send(district.PostAsJsonAsync("/identity/staff", new
        {
            id = Teacher, email = TeacherEmail, givenName = "Sam", familyName = "Okafor", staffType = "Teacher",
            institutions = new[] { InstitutionDemoData.NorthfieldAcademy },
        }, ct));
        await AcceptInvitation(tokens, mailbox, TeacherEmail, ct);

        // Identity learns the cluster from Institution's messages; the first tries may be ahead of them.
        await Retry(() => district.PostAsJsonAsync($"/identity/staff/{InstitutionDemoData.DistrictAdministrator}/associations",
            new { clusterId = InstitutionDemoData.NorthCluster }, ct), ct);
    }

    static async Task AcceptInvitation(DemoTokens tokens, PickupMailbox mailbox, string email, CancellationToken ct)
    {
        var link = await mailbox.WaitForLinkAsync(email, "/account/setup", TimeSpan.FromSeconds(60), ct);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        await AccountSetup.SetPasswordAsync(browser, tokens.Gateway, link, DemoPassword);
    }

    static async Task Retry(Func<Task<HttpResponseMessage>> request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await request();
            if (response.IsSuccessStatusCode || attempt == 60)
            {
                await Send(Task.FromResult(response));
                return;
            }
            await Task.Delay(500, ct);
        }
    }
}
