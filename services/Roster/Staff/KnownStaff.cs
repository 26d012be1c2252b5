using Marten;
using MassTransit;
using Portal.Identity.Contracts;
using Portal.Roster.Classes;
using Portal.ServiceDefaults.Messaging;

namespace Portal.Roster.Staff;

/// <summary>A staff account as Roster knows it from Identity: whom a class's teacher id or a file's teacher email names.</summary>
public sealed record KnownStaff(
    Guid Id, string Email, string GivenName, string FamilyName, string StaffType, IReadOnlyList<Guid> InstitutionIds, bool Active, long Version)
{
    public string Name => $"{GivenName} {FamilyName}".Trim();

    public bool IsTeacherIn(Guid school) => Active && InstitutionIds.Contains(school);
}

/// <summary>Keeps Roster's copy of a staff account; an older version delivered late is ignored.</summary>
public sealed class StaffAccountChangedConsumer(IDocumentStore store) : IdempotentConsumer<StaffAccountChanged>(store)
{
    protected override string TenantOf(StaffAccountChanged message) => message.OrganisationId.ToString();

    protected override async Task ApplyAsync(ConsumeContext<StaffAccountChanged> context, IDocumentSession session)
    {
        var message = context.Message;
        var known = await session.LoadAsync<KnownStaff>(message.AccountId, context.CancellationToken);
        if (known is not null && known.Version >= message.Version) return;
        var staff = new KnownStaff(message.AccountId, message.Email.Trim().ToLowerInvariant(), message.GivenName, message.FamilyName,
            message.StaffType, message.InstitutionIds.ToList(), message.Active, message.Version);
        session.Store(staff);
        await AssignAwaitingClassesAsync(session, staff, context.CancellationToken);
    }

    /// <summary>Classes of the account's schools that named its email before it existed now have it as their teacher.</summary>
    private static async Task AssignAwaitingClassesAsync(IDocumentSession session, KnownStaff staff, CancellationToken cancellation)
    {
        if (!staff.Active) return;
        var awaiting = await session.Query<ClassState>()
            .Where(c => c.AwaitedTeacherEmails.Contains(staff.Email))
            .Select(c => c.Id)
            .ToListAsync(cancellation);
        foreach (var id in awaiting)
        {
            var stream = await session.Events.FetchForWriting<ClassState>(id, cancellation);
            if (stream.Aggregate is not { } state || !staff.IsTeacherIn(state.SchoolId)) continue;
            stream.AppendMany(Class.Decide(new SyncClass(state.Id, state.SchoolId, state.MisClassId ?? state.Id.ToString(), state.Name,
                state.Subject, state.Active, state.StudentIds, [.. state.TeacherIds, staff.Id],
                state.AwaitedTeacherEmails.Where(e => e != staff.Email).ToList(), state.Source, ActorId: null, DateTimeOffset.UtcNow), state));
        }
    }
}

public sealed class StaffAccountChangedConsumerDefinition : ConsumerDefinition<StaffAccountChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<StaffAccountChangedConsumer> consumer, IRegistrationContext context) =>
        consumer.Message<StaffAccountChanged>(m => m.UsePartitioner(8, c => c.Message.AccountId));
}
