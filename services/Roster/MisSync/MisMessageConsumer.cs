using Marten;
using MassTransit;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Roster.MisSync;

/// <summary>Applies one kind of MIS message once, in the organisation it names, to a school Roster knows there.</summary>
public abstract class MisMessageConsumer<TMessage>(IDocumentStore store) : IdempotentConsumer<TMessage>(store) where TMessage : class
{
    protected abstract Guid OrganisationOf(TMessage message);

    protected override string TenantOf(TMessage message)
    {
        var organisation = OrganisationOf(message);
        if (organisation == Guid.Empty)
            throw new MisRecordRejected($"{typeof(TMessage).Name} names no organisation: organisationId is required.");
        return organisation.ToString();
    }

    protected static async Task<KnownSchool> SchoolAsync(IQuerySession session, Guid organisation, Guid school, CancellationToken cancellation) =>
        await session.LoadAsync<KnownSchool>(school, cancellation)
        ?? throw new MisRecordRejected(
            $"School {school} is not known in organisation {organisation}: Roster learns of a school when Institution registers it.");
}
