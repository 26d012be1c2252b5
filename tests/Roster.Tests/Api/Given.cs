using Marten;
using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.Roster.Staff;
using Portal.Roster.Students;

namespace Portal.Roster.Tests.Api;

/// <summary>
/// Arranges an organisation's roster straight through Roster's store and deciders (what Institution's and Identity's
/// messages, or earlier requests, would have left), so each test starts from exactly what it needs.
/// </summary>
public sealed class Given(RosterApi api)
{
    public Guid Org { get; } = Guid.NewGuid();

    private IDocumentSession Session() => api.Store.LightweightSession(Org.ToString());

    /// <summary>A school with the default year groups R, Y1 … Y13 and the given rules for hand-entered students.</summary>
    public async Task<Guid> School(string name = "Northfield Academy", StudentRosterRules? rules = null)
    {
        var id = Guid.NewGuid();
        await using var session = Session();
        session.Store(new KnownSchool(id, name, $"S{id.ToString()[..6]}",
            [new KnownYearGroup("R", "Reception"), .. Enumerable.Range(1, 13).Select(n => new KnownYearGroup($"Y{n}", $"Year {n}"))],
            DetailsRevision: 1, rules ?? StudentRosterRules.Default, RulesVersion: 1));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>A staff account Identity told Roster about, belonging to the schools.</summary>
    public async Task<Guid> Teacher(params Guid[] schools) => await Staff("teacher", schools);

    public async Task<Guid> Staff(string staffType, params Guid[] schools)
    {
        var id = Guid.NewGuid();
        await using var session = Session();
        session.Store(new KnownStaff(id, $"staff-{id:N}@school.example", "Sam", $"Teacher{id.ToString()[..4]}", staffType, schools, true, 1));
        await session.SaveChangesAsync();
        return id;
    }

    public async Task<Guid> Student(Guid school, string yearGroup = "Y7", string? misId = null, DateOnly? left = null,
        string givenName = "Ada", string familyName = "Lovelace", string? email = null)
    {
        var id = Guid.NewGuid();
        await using var session = Session();
        var events = global::Portal.Roster.Students.Student.Decide(new SyncStudent(id, school, misId ?? $"MIS-{id.ToString()[..8]}", givenName, familyName,
            yearGroup, email, null, left, StudentSource.Mis, null, DateTimeOffset.UtcNow), null);
        session.Events.StartStream<StudentState>(id, events);
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>An active class of the school with these teachers and students.</summary>
    public async Task<Guid> Class(Guid school, Guid[] teachers, Guid[] students, string name = "7A Maths")
    {
        var id = Guid.NewGuid();
        await using var session = Session();
        var events = global::Portal.Roster.Classes.Class.Decide(new SyncClass(id, school, $"CLS-{id.ToString()[..8]}", name, "Maths", true,
            students, teachers, [], ClassSource.Staff, null, DateTimeOffset.UtcNow), null);
        session.Events.StartStream<ClassState>(id, events);
        await session.SaveChangesAsync();
        return id;
    }
}
