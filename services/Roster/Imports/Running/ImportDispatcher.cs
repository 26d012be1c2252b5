using JasperFx.Events;
using Marten;
using MassTransit;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Imports;

/// <summary>
/// Publishes what import jobs commit: a queued phase as <see cref="RunImport"/> for the job consumer, and an applied
/// import's staff rows as <see cref="RosterStaffImported"/> for Identity. From committed events, never from the
/// request (no dual write); a replay publishes again under the same message id.
/// </summary>
public sealed class ImportDispatcher : IntegrationEventPublisher
{
    public ImportDispatcher(IBus bus) : base(bus)
    {
        Name = "RosterImportDispatcher";
        IncludeType<ImportPhaseQueued>();
        IncludeType<ImportStaffRowsHandedOver>();
    }

    protected override ValueTask<object?> ToMessage(IEvent e, IDocumentOperations operations, CancellationToken cancellation)
    {
        var organisation = Guid.TryParse(e.TenantId, out var org) ? org : Guid.Empty;
        object? message = e.Data switch
        {
            ImportPhaseQueued queued => new RunImport(organisation, queued.ImportId, queued.Phase),
            ImportStaffRowsHandedOver staff when staff.Actor.StaffType is { } type => new RosterStaffImported(organisation, staff.ImportId,
                staff.Actor.Id, ClaimValues.Of(type), staff.Actor.Institutions, staff.Rows, staff.At),
            _ => null,
        };
        return ValueTask.FromResult(message);
    }
}
