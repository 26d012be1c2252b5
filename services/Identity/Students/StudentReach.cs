using Marten;
using Portal.Identity.Students.Classes;
using Portal.ServiceDefaults.Permissions;

namespace Portal.Identity.Students;

/// <summary>Where a student's login lies for scopes, from Identity's copies of Roster: their school and the teachers of their active classes.</summary>
public static class StudentReach
{
    public static async Task<ScopedResource> ResourceOf(IQuerySession session, StudentLoginState login, CancellationToken cancellation)
    {
        var classes = await session.Query<KnownClass>().Where(c => c.SchoolId == login.SchoolId).ToListAsync(cancellation);
        return ScopedResource.InClasses(login.SchoolId, KnownClass.TeachersByStudent(classes)[login.Id]);
    }
}
