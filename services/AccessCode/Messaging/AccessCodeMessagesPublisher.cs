using JasperFx.Events;
using Marten;
using MassTransit;
using Portal.AccessCode.Codes;
using Portal.ServiceDefaults.Messaging;
using Contracts = Portal.AccessCode.Contracts;

namespace Portal.AccessCode.Messaging;

/// <summary>Turns committed pairing and revocation events into the messages Identity and Roster consume (DESIGN §2).</summary>
public sealed class AccessCodeMessagesPublisher(IBus bus) : IntegrationEventPublisher(bus)
{
    protected override async ValueTask<object?> ToMessage(IEvent e, IDocumentOperations operations, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case GuardianPairedWithStudent paired:
                var pairedState = await AsOf<AccessCodeState>(operations, e, cancellation);
                return new Contracts.GuardianPaired(Guid.Parse(e.TenantId), paired.StudentId, pairedState.SchoolId, paired.GuardianId,
                    e.Version, paired.At);
            case GuardianAccessRevokedFromStudent revoked:
                var revokedState = await AsOf<AccessCodeState>(operations, e, cancellation);
                return new Contracts.GuardianAccessRevoked(Guid.Parse(e.TenantId), revoked.StudentId, revokedState.SchoolId,
                    revoked.GuardianId, revoked.ActorId, e.Version, revoked.At);
            default:
                return null;
        }
    }
}
