using Marten;
using MassTransit;
using Portal.AccessCode.Contracts;
using Portal.Roster.Tests.Api;
using Portal.ServiceDefaults.Persistence;
using Portal.TestIssuer;

namespace Portal.Roster.Tests.GuardiansOfStudents;

/// <summary>
/// Publishes what AccessCode would and waits until Roster has handled it (its marker is committed with the effect), so a
/// test can assert that a message changed nothing without waiting an arbitrary time.
/// </summary>
public sealed class AccessCodeMessages(RosterApi api)
{
    public Task<Guid> Paired(Guid org, Guid school, Guid student, Guid guardian, long version) =>
        Deliver(new GuardianPaired(org, student, school, guardian, version, DateTimeOffset.UtcNow));

    public Task<Guid> Revoked(Guid org, Guid school, Guid student, Guid guardian, long version) =>
        Deliver(new GuardianAccessRevoked(org, student, school, guardian, ActorId: Guid.NewGuid(), version, DateTimeOffset.UtcNow));

    /// <param name="messageId">The id of a message delivered before, to deliver it again.</param>
    public async Task<Guid> Deliver<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await api.Bus.Bus.Publish(message, context => context.MessageId = id);
        if (messageId is null) await HandledAsync(id);
        return id;
    }

    private async Task HandledAsync(Guid messageId)
    {
        await using var session = api.Store.QuerySession();
        for (var i = 0; i < 200; i++)
        {
            if (await session.LoadAsync<HandledMessage>(messageId.ToString()) is not null) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Roster did not handle message {messageId} within 20 s.");
    }

    public HttpClient Guardian(Guid guardian) =>
        api.As(new TokenRequest { Audiences = [RosterApi.Audience], Kind = "guardian", Subject = guardian });
}
