using Marten;
using Portal.AccessCode.Students;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.AccessCode.Access;

/// <summary>
/// Resolves the scope an endpoint's permission granted against the students and classes Roster described: a student's
/// school and the teachers of the active classes they are in. Anything out of reach answers 404, exactly as what does
/// not exist.
/// </summary>
public static class CodeAccess
{
    public static PortalCaller Caller(HttpContext http) => PortalCaller.From(http.User);

    /// <summary>The acting staff member (or operator), recorded as the events' ActorId.</summary>
    public static Guid ActorId(HttpContext http) => Caller(http).AccountId;

    public static string StudentNotFound(Guid student) => $"Student {student} was not found.";

    public static string SchoolNotFound(Guid school) => $"School {school} was not found.";

    public static async Task<ScopedResource> ResourceOf(IQuerySession session, KnownStudent student, CancellationToken cancellation)
    {
        var teachers = await session.Query<KnownClass>()
            .Where(c => c.Active && c.StudentIds.Contains(student.Id))
            .Select(c => c.TeacherIds)
            .ToListAsync(cancellation);
        return ScopedResource.InClasses(student.SchoolId, teachers.SelectMany(t => t));
    }

    /// <summary>The student when Roster knows them (not deleted) and the granted scope reaches them; otherwise 404.</summary>
    public static async Task<KnownStudent> ReachableStudent(IQuerySession session, HttpContext http, Guid id)
    {
        var student = await session.LoadAsync<KnownStudent>(id, http.RequestAborted);
        if (student is null || student.Deleted || !http.GrantedScopeReaches(await ResourceOf(session, student, http.RequestAborted)))
            throw new NotFound(StudentNotFound(id));
        return student;
    }

    /// <summary>Whether the granted scope reaches the student (for lists that count what they may not name).</summary>
    public static async Task<bool> Reaches(IQuerySession session, HttpContext http, KnownStudent student) =>
        !student.Deleted && http.GrantedScopeReaches(await ResourceOf(session, student, http.RequestAborted));

    /// <summary>Organisation scope reaches every school; institution and class scope only the caller's own. Else 404.</summary>
    public static void EnsureSchoolReachable(HttpContext http, Guid school)
    {
        var scope = http.GrantedScope();
        if (scope == Scope.Organisation) return;
        if (scope >= Scope.OwnClasses && Caller(http).Institutions.Contains(school)) return;
        throw new NotFound(SchoolNotFound(school));
    }

    /// <summary>Pairing is for guardians' own accounts: staff, students and operators are refused with 403.</summary>
    public static Guid GuardianOf(HttpContext http)
    {
        var caller = Caller(http);
        return caller.Kind == AccountKind.Guardian && caller.AccountId != Guid.Empty
            ? caller.AccountId
            : throw new Forbidden("Only a parent/guardian account pairs with a student using an access code.");
    }
}
