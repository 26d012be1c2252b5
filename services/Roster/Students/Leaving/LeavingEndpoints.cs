using Marten;
using Portal.Roster.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Students;

public sealed record LeaveRequest(DateOnly? DateLeft);

public static class LeavingEndpoints
{
    public static void MapLeavingStudents(this IEndpointRouteBuilder app)
    {
        // Making a student inactive is what makes them deletable, so it sits with the permission to delete them.
        app.MapPost("/students/{student:guid}/leave", async (Guid student, LeaveRequest? body, IDocumentSession session, HttpContext http) =>
        {
            await RosterAccess.ReachableStudent(session, http, student);
            var command = new MarkStudentLeft(student, body?.DateLeft, RosterAccess.ActorId(http), DateTimeOffset.UtcNow);
            await session.Decide<StudentState>(student, http, s => Student.Decide(command, s), RosterAccess.StudentNotFound(student));
            return Results.Ok(await StudentViews.Details(session, student, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.EditStudents)
            .WithSummary("Mark a student added by staff as left (inactive) on dateLeft, today when none is given.");

        app.MapPost("/students/{student:guid}/return", async (Guid student, IDocumentSession session, HttpContext http) =>
        {
            await RosterAccess.ReachableStudent(session, http, student);
            var command = new ReturnStudent(student, RosterAccess.ActorId(http), DateTimeOffset.UtcNow);
            await session.Decide<StudentState>(student, http, s => Student.Decide(command, s), RosterAccess.StudentNotFound(student));
            return Results.Ok(await StudentViews.Details(session, student, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.EditStudents)
            .WithSummary("Bring a student added by staff who had left back onto the roll.");
    }
}
