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
    public async Task A_first_decision_that_loses_the_race_to_create_the_stream_is_taken_again_against_the_winners_state()
    {
        // A credentials stream that does not exist yet has no row to lock, so two first writers can still race.
        var org = Guid.NewGuid();
        await GivenAccounts.DistrictAdministrator(api, org, GivenAccounts.Email());
        var id = Guid.NewGuid();
        var account = new SignInAccount(id, AccountKind.Staff, org, GivenAccounts.Email(), "Racing Account", Active: true);
        var store = api.Services.GetRequiredService<CredentialsStore>();
        var decisions = 0;

        var deciding = store.DecideAsync(account, state =>
        {
            // The first time, another sign-in of the same account creates the stream between our read and our append.
            if (Interlocked.Increment(ref decisions) == 1)
                store.DecideAsync(account, s => SignInAttempts.Decide(new RecordFailedSignIn(id, DateTimeOffset.UtcNow), s.Attempts))
                    .GetAwaiter().GetResult();
            return SignInAttempts.Decide(new RecordFailedSignIn(id, DateTimeOffset.UtcNow), state.Attempts);
        });
        var state = await deciding.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, decisions);
        Assert.Equal(2, state.Attempts.ConsecutiveFailures);
        await using var session = api.Services.GetRequiredService<AccountDirectory>().QuerySessionFor(org);
        var events = await session.Events.FetchStreamAsync(CredentialsState.StreamId(id));
        Assert.Equal(2, events.Count(e => e.Data is SignInFailed));
    }

    [Fact]
    public async Task Decisions_on_an_existing_stream_queue_behind_each_other_and_none_is_lost()
    {
        var org = Guid.NewGuid();
        var id = await GivenAccounts.DistrictAdministrator(api, org, GivenAccounts.Email());
        var account = (await api.Services.GetRequiredService<AccountDirectory>().FindAsync(id, AccountKind.Staff, org))!;
        var store = api.Services.GetRequiredService<CredentialsStore>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.DecideAsync(account,
            s => SignInAttempts.Decide(new RecordSuccessfulSignIn(id, DateTimeOffset.UtcNow), s.Attempts)))));

        await using var session = api.Services.GetRequiredService<AccountDirectory>().QuerySessionFor(org);
        var events = await session.Events.FetchStreamAsync(CredentialsState.StreamId(id));
        Assert.Equal(20, events.Count(e => e.Data is SignInSucceeded));
    }

    [Fact]
    public async Task Sign_ins_of_one_account_at_the_same_moment_all_get_tokens()
    {
        var org = Guid.NewGuid();
        var email = GivenAccounts.Email();
        await GivenAccounts.DistrictAdministrator(api, org, email);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => api.WebClient().SignInAsync(email, GivenAccounts.Password)));

        Assert.All(tokens, t => Assert.False(string.IsNullOrEmpty(t.AccessToken)));
    }
}
