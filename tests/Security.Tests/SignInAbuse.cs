using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using Portal.AppHost.Clients;
using Portal.EndToEnd.Tests;

namespace Portal.Security.Tests;

/// <summary>The outcome of one sign-in on Identity's login page: the tokens, or the page that refused it.</summary>
public sealed record SignInOutcome(TokenSet? Tokens, HttpStatusCode PageStatus, string Page)
{
    public bool Succeeded => Tokens is not null;

    public string Summary => Succeeded ? "signed in" : $"{(int)PageStatus} {ErrorOf(Page)}";

    private static string ErrorOf(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, """role="alert">([^<]*)<""");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : page.Length > 120 ? page[..120] : page;
    }
}

/// <summary>Accounts of their own for the sign-in checks, and signing in as a person would from a chosen address.</summary>
public sealed class SignInAbuse(SecuritySuiteFixture suite)
{
    private Clients Clients => suite.Clients;

    /// <summary>
    /// A new organisation (so its sign-in policy and lockouts touch no other check) with a District Administrator who
    /// has set their password; answers the organisation and the administrator's email.
    /// </summary>
    public async Task<(Guid Org, string Email)> OrganisationAsync(string name)
    {
        var platform = Clients.Bearer(await Clients.OperatorTokenAsync());
        var created = await platform.PostAsJsonAsync("/institution/organisations", new { name, kind = "MultiAcademyTrust" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (_, email) = await Clients.DistrictAdministratorAsync(org);
        return (org, email);
    }

    /// <summary>Signs in through the gateway from the address; a refusal answers the page that refused it.</summary>
    public async Task<SignInOutcome> SignInAsync(IPAddress from, string email, string password,
        Func<Task<string>>? totp = null, Func<string, Task<string>>? enrol = null)
    {
        var signIn = new PortalSignIn(LoopbackAddress.Browser(from), Clients.Identity, "portal-web", Clients.Callback);
        try
        {
            var tokens = await signIn.SignInAsync(email, password, totp: totp, enrol: enrol);
            return new SignInOutcome(tokens, HttpStatusCode.OK, "");
        }
        catch (SignInFailed failed)
        {
            if (signIn.LastPage is not { } page) return new SignInOutcome(null, 0, failed.Message);
            return new SignInOutcome(null, page.StatusCode, await page.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The code an authenticator app shows for the key at the time (RFC 6238: SHA-1, 6 digits, 30 s).</summary>
    public static string TotpCode(string key, DateTime at) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at);
}
