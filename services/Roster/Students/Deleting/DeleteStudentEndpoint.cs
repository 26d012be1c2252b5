using Marten;
using Portal.Roster.Access;
using Portal.Roster.Classes;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Students;

public static class DeleteStudentEndpoint
{
    public static void MapDeletingStudents(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/students/{student:guid}", async (Guid student, IDocumentSession session, HttpContext http) =>
        {
            var cancellation = http.RequestAborted;
            await RosterAccess.ReachableStudent(session, http, student);
            var (actor, now) = (RosterAccess.ActorId(http), DateTimeOffset.UtcNow);
            foreach (var @class in await StudentQueries.ClassesOf(session, student, cancellation))
                await session.AppendToClass(@class.Id, c => Class.Decide(new TakeStudentOutOfClass(c.Id, student, actor, now), c), cancellation);
            await session.Decide<StudentState>(student, http, s => Student.Decide(new DeleteStudent(student, actor, now), s),
                RosterAccess.StudentNotFound(student));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.DeleteInactiveStudents)
            .WithSummary("Delete an inactive (left) student, taking them out of their classes; an active student is refused.");
    }
}
