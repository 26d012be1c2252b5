using Marten;
using MassTransit;
using Portal.Institution.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Identity.Institutions;

/// <summary>
/// Keeps Identity's copy of each cluster's membership. Effective association lists are computed from it on read,
/// so a school joining or leaving a cluster changes every associated profile's list at once.
/// </summary>
public sealed class ClusterMembershipChangedConsumer(IDocumentStore store) : IdempotentConsumer<ClusterMembershipChanged>(store)
{
    protected override string TenantOf(ClusterMembershipChanged message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<ClusterMembershipChanged> context, IDocumentSession session)
    {
        var message = context.Message;
        // An older version delivered late is ignored; one racing a newer one is stored but never read (latest wins).
        if (await session.Query<KnownCluster>().AnyAsync(c => c.ClusterId == message.ClusterId && c.Version >= message.Version, context.CancellationToken))
            return;
        session.DeleteWhere<KnownCluster>(c => c.ClusterId == message.ClusterId && c.Version < message.Version);
        session.Store(new KnownCluster(
            KnownCluster.IdFor(message.ClusterId, message.Version), message.ClusterId, message.Name.Trim(),
            message.InstitutionIds.Distinct().ToList(), message.Version));
    }
}

public sealed class ClusterMembershipChangedConsumerDefinition : ConsumerDefinition<ClusterMembershipChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<ClusterMembershipChangedConsumer> consumer, IRegistrationContext context)
    {
        // Messages about one cluster are applied one at a time on a replica; the latest-wins read settles the rest.
        consumer.Message<ClusterMembershipChanged>(message => message.UsePartitioner(8, c => c.Message.ClusterId));
    }
}
