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
        var known = await session.LoadAsync<KnownSchool>(message.InstitutionId, context.CancellationToken)
                    ?? KnownSchool.Unnamed(message.InstitutionId);
        var revision = message.At.UtcTicks;
        if (known.DetailsRevision >= revision) return;
        session.Store(known with
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
        var known = await session.LoadAsync<KnownSchool>(message.InstitutionId, context.CancellationToken)
                    ?? KnownSchool.Unnamed(message.InstitutionId);
        if (known.RulesVersion >= message.Version) return;
        session.Store(known with
        {
            RulesVersion = message.Version,
            Rules = new StudentRosterRules(message.TeacherStudentCreationAllowed, message.StudentInformationNumberRequired,
                message.StudentInformationNumberMinimumLength, message.StudentInformationNumberNumericOnly),
        });
    }
}

/// <summary>Both messages write the same document: one school's messages are applied one at a time on a replica.</summary>
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
