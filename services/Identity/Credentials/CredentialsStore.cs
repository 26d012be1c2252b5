using Marten;
using Portal.Identity.Accounts;

namespace Portal.Identity.Credentials;

/// <summary>Reads and writes an account's credentials stream in the account's own tenant.</summary>
public sealed class CredentialsStore(AccountDirectory directory)
{
    public async Task<CredentialsState> LoadAsync(SignInAccount account, CancellationToken cancellation = default)
    {
        await using var session = directory.QuerySessionFor(account.OrganisationId);
        return await session.LoadAsync<CredentialsState>(CredentialsState.StreamId(account.AccountId), cancellation)
               ?? CredentialsState.Initial(account.AccountId);
    }

    /// <summary>
    /// Decides against the current state and appends, with the stream's version as the expected one: two sign-ins
    /// racing on one account cannot both count against a stale attempt count.
    /// </summary>
    public async Task<CredentialsState> DecideAsync(
        SignInAccount account, Func<CredentialsState, object[]> decide, CancellationToken cancellation = default)
    {
        await using var session = directory.SessionFor(account.OrganisationId);
        var stream = await session.Events.FetchForWriting<CredentialsState>(CredentialsState.StreamId(account.AccountId), cancellation);
        var state = stream.Aggregate ?? CredentialsState.Initial(account.AccountId);
        var events = decide(state);
        if (events.Length == 0)
            return state;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellation);
        return events.Aggregate(state, CredentialsState.Applied);
    }
}
