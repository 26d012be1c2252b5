using Microsoft.Extensions.DependencyInjection;
using Portal.Identity.Accounts;
using Portal.Identity.Credentials;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Tests.SignIn;

/// <summary>
/// One person signing in on two devices at once: both sign-ins are recorded and both get tokens. (The security suite
/// found sign-ins of one account racing on its credentials stream answering 409.)
/// </summary>
[Collection(SignInApiCollection.Name)]
public sealed class ConcurrentSignInTests(SignInApi api)
{
    [Fact]
    public async Task A_decision_that_loses_the_race_is_taken_again_against_the_winners_state()
    {
        var org = Guid.NewGuid();
        var id = await GivenAccounts.DistrictAdministrator(api, org, GivenAccounts.Email());
        var account = (await api.Services.GetRequiredService<AccountDirectory>().FindAsync(id, AccountKind.Staff, org))!;
        var store = api.Services.GetRequiredService<CredentialsStore>();
        var decisions = 0;

        await store.DecideAsync(account, state =>
        {
            // The first time, another sign-in of the same account commits between our read and our append.
            if (Interlocked.Increment(ref decisions) == 1)
                store.DecideAsync(account, s => SignInAttempts.Decide(new RecordSuccessfulSignIn(id, DateTimeOffset.UtcNow), s.Attempts))
                    .GetAwaiter().GetResult();
            return SignInAttempts.Decide(new RecordSuccessfulSignIn(id, DateTimeOffset.UtcNow), state.Attempts);
        });

        Assert.Equal(2, decisions);
        await using var session = api.Services.GetRequiredService<AccountDirectory>().QuerySessionFor(org);
        var events = await session.Events.FetchStreamAsync(CredentialsState.StreamId(id));
        Assert.Equal(2, events.Count(e => e.Data is SignInSucceeded));
    }

    [Fact]
    public async Task Sign_ins_of_one_account_at_the_same_moment_all_get_tokens()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, org, email);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.WebClient().SignInAsync(email, GivenAccounts.Password)));

        Assert.All(tokens, t => Assert.False(string.IsNullOrEmpty(t.AccessToken)));
    }
}
