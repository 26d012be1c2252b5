using System.Net.Http.Json;

namespace Portal.AppHost.Clients;

/// <summary>A parent or guardian registers themselves through the gateway and follows the verification link from their email.</summary>
public static class GuardianSignUp
{
    public static async Task RegisterAsync(Uri gateway, PickupMailbox mailbox, string email, string givenName, string familyName,
        string password, CancellationToken cancellation = default)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var registered = await http.PostAsJsonAsync("/identity/guardians/register",
            new { email, givenName, familyName, password }, cancellation);
        if ((int)registered.StatusCode >= 400)
            throw new SignInFailed($"Registering {email} failed: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync(cancellation)}");

        var link = await mailbox.WaitForLinkAsync(email, "/guardians/verify", TimeSpan.FromSeconds(60), cancellation);
        var verified = await http.GetAsync(link.PathAndQuery.StartsWith("/identity/", StringComparison.Ordinal)
            ? link.PathAndQuery
            : "/identity" + link.PathAndQuery, cancellation);
        if ((int)verified.StatusCode >= 400)
            throw new SignInFailed($"Verifying {email} failed: {(int)verified.StatusCode} {await verified.Content.ReadAsStringAsync(cancellation)}");
    }
}
