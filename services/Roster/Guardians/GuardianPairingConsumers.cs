using Marten;
using MassTransit;
using Portal.AccessCode.Contracts;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Guardians;

/// <summary>A guardian redeemed a student's code: from this version of the student's codes on, they may see the student.</summary>
public sealed class GuardianPairedConsumer(IDocumentStore store) : IdempotentConsumer<GuardianPaired>(store)
{
    protected override string TenantOf(GuardianPaired message) => TenantResolver.NoTenant;

    protected override Task ApplyAsync(ConsumeContext<GuardianPaired> context, IDocumentSession session)
    {
        var m = context.Message;
        return GuardianPairings.NoteAsync(session, new GuardianPairing(GuardianPairing.IdOf(m.GuardianId, m.StudentId),
            m.GuardianId, m.OrganisationId, m.StudentId, m.SchoolId, Paired: true, m.Version), context.CancellationToken);
    }
}

/// <summary>Staff removed a guardian's access to a student: from this version on, the guardian no longer sees them.</summary>
public sealed class GuardianAccessRevokedConsumer(IDocumentStore store) : IdempotentConsumer<GuardianAccessRevoked>(store)
{
    protected override string TenantOf(GuardianAccessRevoked message) => TenantResolver.NoTenant;

    protected override Task ApplyAsync(ConsumeContext<GuardianAccessRevoked> context, IDocumentSession session)
    {
        var m = context.Message;
        return GuardianPairings.NoteAsync(session, new GuardianPairing(GuardianPairing.IdOf(m.GuardianId, m.StudentId),
            m.GuardianId, m.OrganisationId, m.StudentId, m.SchoolId, Paired: false, m.Version), context.CancellationToken);
    }
}

/// <summary>One student's pairing messages of one kind are applied one at a time on a replica.</summary>
public sealed class GuardianPairedConsumerDefinition : ConsumerDefinition<GuardianPairedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<GuardianPairedConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<GuardianPaired>(m => m.UsePartitioner(8, c => c.Message.StudentId));
}

public sealed class GuardianAccessRevokedConsumerDefinition : ConsumerDefinition<GuardianAccessRevokedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<GuardianAccessRevokedConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<GuardianAccessRevoked>(m => m.UsePartitioner(8, c => c.Message.StudentId));
}
