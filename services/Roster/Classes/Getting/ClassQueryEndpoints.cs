using Marten;
using Portal.Roster.Access;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

/// <summary>Reading classes: who sees a class follows "Viewing student accounts", since a class shows its students.</summary>
public static class ClassQueryEndpoints
{
    public static void MapClassQueryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/institutions/{school:guid}/classes", async (Guid school, bool? includeInactive, IQuerySession session, HttpContext http) =>
        {
            await EnsureSchool(session, http, school);
            var query = session.Query<ClassState>().Where(c => c.SchoolId == school);
            if (includeInactive != true) query = query.Where(c => c.Active);
            if (http.GrantedScope() == Scope.OwnClasses)
            {
                var me = RosterAccess.ActorId(http);
                query = query.Where(c => c.TeacherIds.Contains(me));
            }
            var classes = await query.OrderBy(c => c.Name).ToListAsync(http.RequestAborted);
            return Results.Ok(classes.Select(ClassSummary.Of).ToList());
        }).RequirePermission(PermissionMatrix.ViewStudents).WithTags("Classes")
            .WithSummary("A school's classes (active ones unless includeInactive=true); teachers see only the classes they teach.");

        app.MapGet("/classes/{class:guid}", async (Guid @class, IQuerySession session, HttpContext http) =>
        {
            var state = await RosterAccess.ReachableClass(session, http, @class);
            await session.SetETagOf(@class, http);
            return Results.Ok(await ClassView.Of(session, state, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.ViewStudents).WithTags("Classes")
            .WithSummary("A class with its teachers and students; the ETag is its version for If-Match.");
    }

    /// <summary>The school exists (Roster has heard of it) and the granted scope reaches it; otherwise 404.</summary>
    public static async Task EnsureSchool(IQuerySession session, HttpContext http, Guid school)
    {
        RosterAccess.EnsureSchoolReachable(http, school);
        if (await session.LoadAsync<KnownSchool>(school, http.RequestAborted) is null)
            throw new NotFound(RosterAccess.SchoolNotFound(school));
    }
}
