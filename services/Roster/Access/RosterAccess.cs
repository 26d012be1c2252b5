using Marten;
using Portal.Roster.Classes;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Access;

/// <summary>
/// Resolves the scope an endpoint's permission granted against Roster's own data: a student's school and the
/// teachers of the active classes they are in, a class's school and teachers. Anything out of reach answers 404,
/// exactly as what does not exist (a teacher cannot learn that a student outside their classes exists).
/// </summary>
public static class RosterAccess
{
    public static PortalCaller Caller(HttpContext http) => PortalCaller.From(http.User);

    /// <summary>The acting staff member (or operator) for the events' ActorId.</summary>
    public static Guid ActorId(HttpContext http) => Caller(http).AccountId;

    public static string StudentNotFound(Guid student) => $"Student {student} was not found.";

    public static string ClassNotFound(Guid @class) => $"Class {@class} was not found.";

    public static string SchoolNotFound(Guid school) => $"School {school} was not found.";

    public static async Task<ScopedResource> ResourceOf(IQuerySession session, StudentState student, CancellationToken cancellation)
    {
        var teachers = await session.Query<ClassState>()
            .Where(c => c.Active && c.StudentIds.Contains(student.Id))
            .Select(c => c.TeacherIds)
            .ToListAsync(cancellation);
        return ScopedResource.InClasses(student.SchoolId, teachers.SelectMany(t => t));
    }

    public static ScopedResource ResourceOf(ClassState @class) => ScopedResource.InClasses(@class.SchoolId, @class.TeacherIds);

    /// <summary>The student when it exists (not deleted) and the granted scope reaches it; otherwise 404.</summary>
    public static async Task<StudentState> ReachableStudent(IQuerySession session, HttpContext http, Guid id)
    {
        var student = await session.LoadAsync<StudentState>(id, http.RequestAborted);
        if (student is null || student.Deleted || !http.GrantedScopeReaches(await ResourceOf(session, student, http.RequestAborted)))
            throw new NotFound(StudentNotFound(id));
        return student;
    }

    /// <summary>The class when it exists and the granted scope reaches it; otherwise 404.</summary>
    public static async Task<ClassState> ReachableClass(IQuerySession session, HttpContext http, Guid id)
    {
        var @class = await session.LoadAsync<ClassState>(id, http.RequestAborted);
        if (@class is null || !http.GrantedScopeReaches(ResourceOf(@class)))
            throw new NotFound(ClassNotFound(id));
        return @class;
    }

    /// <summary>
    /// For lists of a school: organisation scope reaches every school, institution and class scope only the caller's own
    /// (class scope then filters to the caller's classes). Another school answers 404.
    /// </summary>
    public static void EnsureSchoolReachable(HttpContext http, Guid school)
    {
        var scope = http.GrantedScope();
        if (scope == Scope.Organisation) return;
        if (scope >= Scope.OwnClasses && Caller(http).Institutions.Contains(school)) return;
        throw new NotFound(SchoolNotFound(school));
    }
}
