using Marten;
using Portal.Roster.Access;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Permissions;

namespace Portal.Roster.Classes;

public sealed record AddStudentsRequest(IReadOnlyList<Guid>? StudentIds);

/// <summary>
/// A class's students. The caller must reach the class (a teacher: one they teach); the students must be on the roll of
/// its school. Students new to the school are added through the students' own endpoint, which enrols and places them.
/// </summary>
public static class ClassStudentEndpoints
{
    public static void MapClassStudentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/classes/{class:guid}/students").WithTags("Class students");

        group.MapPost("/", async (Guid @class, AddStudentsRequest body, IDocumentSession session, HttpContext http) =>
        {
            var ids = body.StudentIds ?? [];
            var students = await session.LoadManyAsync<StudentState>(http.RequestAborted, ids.Distinct());
            await session.Change(http, @class, (state, actor, at) => Class.Decide(new AddStudentsToClass(@class, ids, students, actor, at), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.AddStudentsToGroups)
            .WithSummary("Add existing students of the class's school to the class.");

        group.MapDelete("/{student:guid}", async (Guid @class, Guid student, IDocumentSession session, HttpContext http) =>
        {
            var record = await session.LoadAsync<StudentState>(student, http.RequestAborted);
            await session.Change(http, @class, (state, actor, at) => Class.Decide(new RemoveInactiveStudent(@class, student, record, actor, at), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.RemoveInactiveStudentsFromGroups)
            .WithSummary("Remove a student who has left (or was deleted) from a class; students on the roll are moved instead.");
    }
}
