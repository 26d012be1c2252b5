using Marten;
using Portal.Roster.Access;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

public static class ViewingEndpoints
{
    public static void MapViewingStudents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/institutions/{school:guid}/students", async (Guid school, string? yearGroup, bool? includeLeft,
            IQuerySession session, HttpContext http) =>
        {
            RosterAccess.EnsureSchoolReachable(http, school);
            var cancellation = http.RequestAborted;
            var students = session.Query<StudentState>().Where(s => s.SchoolId == school && !s.Deleted);
            var known = await session.LoadAsync<KnownSchool>(school, cancellation)
                        ?? (await students.AnyAsync(cancellation) ? KnownSchool.Unnamed(school) : throw new NotFound(RosterAccess.SchoolNotFound(school)));

            if (includeLeft != true)
                students = students.Where(s => s.DateLeft == null);
            if (!string.IsNullOrWhiteSpace(yearGroup))
            {
                var id = known.YearGroupIdFor(yearGroup);
                students = students.Where(s => s.YearGroup == id);
            }
            if (http.GrantedScope() == Scope.OwnClasses)
            {
                var taught = await StudentQueries.StudentsTaughtBy(session, school, RosterAccess.ActorId(http), cancellation);
                students = students.Where(s => taught.Contains(s.Id));
            }
            var list = await students.OrderBy(s => s.FamilyName).ThenBy(s => s.GivenName).ToListAsync(cancellation);
            return Results.Ok(list.Select(s => StudentViews.Summary(s, known)));
        }).RequirePermission(PermissionMatrix.ViewStudents)
            .WithSummary("The school's students the caller may see (teachers: those in their classes); filter by yearGroup, includeLeft.");

        app.MapGet("/students/{student:guid}", async (Guid student, IQuerySession session, HttpContext http) =>
        {
            await RosterAccess.ReachableStudent(session, http, student);
            await session.SetETagOf(student, http);
            return Results.Ok(await StudentViews.Details(session, student, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.ViewStudents)
            .WithSummary("A student's details with the classes they are in and their teachers (ETag for If-Match).");
    }
}
