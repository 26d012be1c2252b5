using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Guardians;
using Portal.AccessCode.Students;
using Portal.ServiceDefaults.Persistence;

namespace Portal.AccessCode.Tests.Api;

/// <summary>
/// Arranges an organisation straight through the service's store (what Roster's, Institution's and Identity's messages,
/// or earlier requests, would have left), so each test starts from exactly what it needs.
/// </summary>
public sealed class Given(AccessCodeApi api)
{
    public Guid Org { get; } = Guid.NewGuid();

    private IDocumentSession Session() => api.Store.LightweightSession(Org.ToString());

    public async Task<Guid> School(string name = "Northfield Academy", string? code = null)
    {
        var id = Guid.NewGuid();
        await using var session = Session();
        session.Store(new KnownSchool(id, name, code ?? $"S{id.ToString()[..6]}", 1));
        await session.SaveChangesAsync();
        return id;
    }

    public async Task<Guid> Student(Guid school, string yearGroup = "Y7", string givenName = "Ada", string familyName = "Lovelace",
        bool left = false)
    {
        var id = Guid.NewGuid();
        await using var session = Session();
        session.Store(new KnownStudent(id, school, $"MIS-{id.ToString()[..8]}", givenName, familyName, yearGroup, left, Deleted: false, 1));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>An active class of the school with these teachers and students.</summary>
    public async Task<Guid> Class(Guid school, Guid[] teachers, Guid[] students, string name = "7A Maths")
    {
        var id = Guid.NewGuid();
        await using var session = Session();
        session.Store(new KnownClass(id, school, name, Active: true, teachers, students, 1));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>A guardian account Identity told the service about (guardians belong to no organisation).</summary>
    public async Task<Guid> Guardian(string givenName = "Grace", string familyName = "Hopper")
    {
        var id = Guid.NewGuid();
        await using var session = api.Store.LightweightSession(TenantResolver.NoTenant);
        session.Store(new KnownGuardian(id, $"guardian-{id:N}@home.example", givenName, familyName, EmailVerified: true, 1));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>Issues the student a code through the decider (as enabling would) and returns it as printed.</summary>
    public async Task<string> Code(Guid student, Guid? actor = null)
    {
        await using var session = Session();
        var known = await session.LoadAsync<KnownStudent>(student) ?? throw new InvalidOperationException("Arrange the student first.");
        var (printed, code) = api.Secrets.NewCodeFor(student);
        var events = Codes.AccessCode.Decide(new IssueAccessCode(student, known.SchoolId, code, actor ?? Guid.NewGuid(), DateTimeOffset.UtcNow), null);
        session.Events.StartStream<AccessCodeState>(student, events);
        CodeLookup.RecordCodesOf(session, events);
        await session.SaveChangesAsync();
        return printed;
    }
}
