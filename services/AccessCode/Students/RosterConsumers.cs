using Marten;
using MassTransit;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Pairing;
using Portal.Institution.Contracts;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Messaging;

namespace Portal.AccessCode.Students;

/// <summary>
/// Keeps the student Roster describes. When the student has an access-code stream and has left, returned or moved
/// school, the stream notes it, so pairing refuses a code of a student who has left; paired guardians' links follow
/// the student's school.
/// </summary>
public sealed class RosterStudentChangedConsumer(IDocumentStore store) : IdempotentConsumer<RosterStudentChanged>(store)
{
    protected override string TenantOf(RosterStudentChanged message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<RosterStudentChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        var cancellation = context.CancellationToken;
        var known = await session.LoadAsync<KnownStudent>(m.StudentId, cancellation);
        if (known is not null && known.Version >= m.Version) return;
        var student = new KnownStudent(m.StudentId, m.SchoolId, m.MisId, m.GivenName, m.FamilyName, m.YearGroup, m.Left, m.Deleted, m.Version);
        session.Store(student);

        var codes = await session.LoadAsync<AccessCodeState>(m.StudentId, cancellation);
        if (codes is null) return;
        var events = Codes.AccessCode.Decide(new NoteStudentStatus(m.StudentId, m.SchoolId, student.Gone, m.At), codes);
        if (events.Length > 0) session.Events.Append(m.StudentId, events);
        if (codes.SchoolId != m.SchoolId) await GuardianLinks.MoveStudent(session, m.StudentId, m.SchoolId, cancellation);
    }
}

/// <summary>Keeps the class's teachers and students (the whole lists), newest version wins.</summary>
public sealed class ClassChangedConsumer(IDocumentStore store) : IdempotentConsumer<ClassChanged>(store)
{
    protected override string TenantOf(ClassChanged message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<ClassChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        var known = await session.LoadAsync<KnownClass>(m.ClassId, context.CancellationToken);
        if (known is not null && known.Version >= m.Version) return;
        session.Store(new KnownClass(m.ClassId, m.SchoolId, m.Name, m.Active, m.TeacherIds, m.StudentIds, m.Version));
    }
}

/// <summary>Keeps the school's name and code for letters. The message has no version; its time orders descriptions.</summary>
public sealed class InstitutionRegisteredConsumer(IDocumentStore store) : IdempotentConsumer<InstitutionRegistered>(store)
{
    protected override string TenantOf(InstitutionRegistered message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<InstitutionRegistered> context, IDocumentSession session)
    {
        var m = context.Message;
        var known = await session.LoadAsync<KnownSchool>(m.InstitutionId, context.CancellationToken);
        var revision = m.At.UtcTicks;
        if (known is not null && known.Revision >= revision) return;
        session.Store(new KnownSchool(m.InstitutionId, m.Name.Trim(), m.Code.Trim(), revision));
    }
}

/// <summary>One student's (or class's, or school's) messages are applied one at a time on a replica.</summary>
public sealed class RosterStudentChangedConsumerDefinition : ConsumerDefinition<RosterStudentChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<RosterStudentChangedConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<RosterStudentChanged>(m => m.UsePartitioner(8, c => c.Message.StudentId));
}

public sealed class ClassChangedConsumerDefinition : ConsumerDefinition<ClassChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<ClassChangedConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<ClassChanged>(m => m.UsePartitioner(8, c => c.Message.ClassId));
}

public sealed class InstitutionRegisteredConsumerDefinition : ConsumerDefinition<InstitutionRegisteredConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<InstitutionRegisteredConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<InstitutionRegistered>(m => m.UsePartitioner(8, c => c.Message.InstitutionId));
}
