using Marten;
using Microsoft.Extensions.DependencyInjection;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.Identity.Institutions;
using Portal.Identity.Tests.SignIn;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Tests.LoginHistory;

/// <summary>Logins written straight to the credentials stream, for histories too long or too old to sign in for.</summary>
public static class LoginHistoryGiven
{
    public static async Task Logins(SignInApi api, Guid accountId, Guid org, IEnumerable<LoginRecorded> logins)
    {
        var account = await api.Services.GetRequiredService<AccountDirectory>().FindAsync(accountId, AccountKind.Staff, org)
                      ?? throw new InvalidOperationException($"No account {accountId}.");
        var events = logins.Cast<object>().ToArray();
        await api.Services.GetRequiredService<CredentialsStore>().DecideAsync(account, _ => events);
    }

    public static LoginRecorded Login(Guid accountId, DateTimeOffset at, Guid[] schools, bool external = false) =>
        new(accountId, at, external ? LoginMethod.TokenExchange : LoginMethod.Password, TwoFactor: external,
            ExternalAdministrator: external, schools, external ? "portal-web" : null);

    /// <summary>A school Identity has heard of from Institution, as its consumer would have stored it.</summary>
    public static async Task KnownSchool(SignInApi api, Guid org, Guid school)
    {
        await using var session = api.Services.GetRequiredService<IDocumentStore>().LightweightSession(org.ToString());
        session.Store(new KnownSchool(Institutions.KnownSchool.IdFor(school, 1), school, "Northfield Primary", "NFP", 1));
        await session.SaveChangesAsync();
    }

    public static async Task<string> TokenAsync(SignInApi api, string email) =>
        (await api.WebClient().SignInAsync(email, GivenAccounts.Password)).AccessToken;
}
