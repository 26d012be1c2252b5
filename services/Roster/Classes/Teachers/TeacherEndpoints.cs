using Marten;
using Portal.Roster.Access;
using Portal.Roster.Staff;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

public sealed record AssignTeachersRequest(IReadOnlyList<Guid>? TeacherIds);

public sealed record AssignClassesRequest(IReadOnlyList<Guid>? ClassIds);

/// <summary>
/// Assigning and unassigning teachers, from the class's side or the teacher's. Teachers hold no part of this
/// permission (403); building administrators reach only their own school's classes, and a teacher must belong to the
/// class's school, so they assign only within it.
/// </summary>
public static class TeacherEndpoints
{
    public static void MapTeacherEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/classes/{class:guid}/teachers").WithTags("Class teachers");

        group.MapPost("/", async (Guid @class, AssignTeachersRequest body, IDocumentSession session, HttpContext http) =>
        {
            var ids = body.TeacherIds ?? [];
            var staff = await session.LoadManyAsync<KnownStaff>(http.RequestAborted, ids.Distinct());
            await session.Change(http, @class, (state, actor, at) => Class.Decide(new AssignTeachers(@class, ids, staff, actor, at), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.AssignTeachers)
            .WithSummary("Assign one or more teachers (active staff of the class's school) to a class.");

        group.MapDelete("/{teacher:guid}", async (Guid @class, Guid teacher, IDocumentSession session, HttpContext http) =>
        {
            await session.Change(http, @class, (state, actor, at) => Class.Decide(new UnassignTeacher(@class, teacher, actor, at), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.AssignTeachers).WithSummary("Take a teacher off a class.");

        app.MapPost("/teachers/{teacher:guid}/classes", async (Guid teacher, AssignClassesRequest body, IDocumentSession session, HttpContext http) =>
        {
            var classIds = (body.ClassIds ?? []).Distinct().ToList();
            if (classIds.Count == 0) throw new ValidationFailed("classIds", "Name at least one class to assign.");
            var staff = await session.LoadAsync<KnownStaff>(teacher, http.RequestAborted)
                        ?? throw new NotFound($"Staff account {teacher} was not found.");
            var (actor, at) = (RosterAccess.ActorId(http), DateTimeOffset.UtcNow);

            // Every class in one transaction: either the teacher gets all of them or none.
            foreach (var id in classIds)
            {
                var stream = await session.Events.FetchForWriting<ClassState>(id, http.RequestAborted);
                if (stream.Aggregate is null || !http.GrantedScopeReaches(RosterAccess.ResourceOf(stream.Aggregate)))
                    throw new NotFound(RosterAccess.ClassNotFound(id));
                stream.AppendMany(Class.Decide(new AssignTeachers(id, [teacher], [staff], actor, at), stream.Aggregate));
            }
            await session.SaveChangesAsync(http.RequestAborted);
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.AssignTeachers).WithTags("Class teachers")
            .WithSummary("Assign several classes to one teacher at once (all or none).");
    }
}
