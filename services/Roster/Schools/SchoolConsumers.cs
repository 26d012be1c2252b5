using Marten;
using MassTransit;
using Portal.Institution.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Roster.Schools;

/// <summary>Keeps a school's name, code and year groups. The message has no version; its time orders descriptions.</summary>
public sealed class InstitutionRegisteredConsumer(IDocumentStore store) : IdempotentConsumer<InstitutionRegistered>(store)
{
    protected override string TenantOf(InstitutionRegistered message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<InstitutionRegistered> context, IDocumentSession session)
    {
        var message = context.Message;
        var known = await session.LoadAsync<KnownSchool>(message.InstitutionId, context.CancellationToken);
        var revision = message.At.UtcTicks;
        if (known is not null && known.DetailsRevision >= revision) return;
        KnownSchools.Write(session, known, (known ?? KnownSchool.Unnamed(message.InstitutionId)) with
        {
            Name = message.Name.Trim(), Code = message.Code.Trim(), DetailsRevision = revision,
            YearGroups = message.YearGroups.Select(y => new KnownYearGroup(y.Id, y.Name)).ToList(),
        });
    }
}

/// <summary>Keeps the school's rules for students staff enter by hand (teacher creation, student information numbers).</summary>
public sealed class StudentRosterRulesChangedConsumer(IDocumentStore store) : IdempotentConsumer<StudentRosterRulesChanged>(store)
{
    protected override string TenantOf(StudentRosterRulesChanged message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<StudentRosterRulesChanged> context, IDocumentSession session)
    {
        var message = context.Message;
        var known = await session.LoadAsync<KnownSchool>(message.InstitutionId, context.CancellationToken);
        if (known is not null && known.RulesVersion >= message.Version) return;
        KnownSchools.Write(session, known, (known ?? KnownSchool.Unnamed(message.InstitutionId)) with
        {
            RulesVersion = message.Version,
            Rules = new StudentRosterRules(message.TeacherStudentCreationAllowed, message.StudentInformationNumberRequired,
                message.StudentInformationNumberMinimumLength, message.StudentInformationNumberNumericOnly),
        });
    }
}

/// <summary>
/// Both consumers write the same document, from different queues and replicas: the first write inserts it, later ones
/// are checked against the version they read (optimistic concurrency), so a lost race fails and is retried on the
/// document as the winner left it instead of overwriting the winner's part.
/// </summary>
public static class KnownSchools
{
    public static void Configure(StoreOptions options) => options.Schema.For<KnownSchool>().UseOptimisticConcurrency(true);

    public static void Write(IDocumentSession session, KnownSchool? read, KnownSchool written)
    {
        if (read is null) session.Insert(written);
        else session.Store(written);
    }
}

/// <summary>One school's messages of one kind are applied one at a time on a replica.</summary>
public sealed class InstitutionRegisteredConsumerDefinition : ConsumerDefinition<InstitutionRegisteredConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<InstitutionRegisteredConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<InstitutionRegistered>(m => m.UsePartitioner(8, c => c.Message.InstitutionId));
}

public sealed class StudentRosterRulesChangedConsumerDefinition : ConsumerDefinition<StudentRosterRulesChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<StudentRosterRulesChangedConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<StudentRosterRulesChanged>(m => m.UsePartitioner(8, c => c.Message.InstitutionId));
}
