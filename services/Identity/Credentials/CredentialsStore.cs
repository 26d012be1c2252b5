using Marten;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
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

    /// <summary>How often a decision is taken again after another writer got in first.</summary>
    public const int Attempts = 5;

    /// <summary>
    /// Decides against the current state with the stream's row locked until the append commits: sign-ins racing on
    /// one account queue behind each other instead of counting against a stale attempt count or failing a person's
    /// sign-in with a conflict. Only a stream that does not exist yet has no row to lock; the writer that loses that
    /// race decides again against the state the winner left.
    /// </summary>
    public async Task<CredentialsState> DecideAsync(
        SignInAccount account, Func<CredentialsState, object[]> decide, CancellationToken cancellation = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DecideOnceAsync(account, decide, cancellation);
            }
            catch (Exception exception) when (attempt < Attempts && IsLostRace(exception))
            {
            }
        }
    }

    private static bool IsLostRace(Exception exception) =>
        exception is ConcurrencyException or EventStreamUnexpectedMaxEventIdException
            or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException;

    private async Task<CredentialsState> DecideOnceAsync(
        SignInAccount account, Func<CredentialsState, object[]> decide, CancellationToken cancellation)
    {
        await using var session = directory.SessionFor(account.OrganisationId);
        var stream = await session.Events.FetchForExclusiveWriting<CredentialsState>(CredentialsState.StreamId(account.AccountId), cancellation);
        var state = stream.Aggregate ?? CredentialsState.Initial(account.AccountId);
        var events = decide(state);
        if (events.Length == 0)
            return state;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellation);
        return events.Aggregate(state, CredentialsState.Applied);
    }
}
