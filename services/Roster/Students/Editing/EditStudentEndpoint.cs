using Marten;
using Portal.Roster.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Students;

public sealed record EditStudentRequest(string? GivenName, string? FamilyName, string? YearGroup, string? Email, string? StudentInformationNumber);

public static class EditStudentEndpoint
{
    public static void MapEditingStudents(this IEndpointRouteBuilder app)
    {
        app.MapPut("/students/{student:guid}", async (Guid student, EditStudentRequest body, IDocumentSession session, HttpContext http) =>
        {
            var cancellation = http.RequestAborted;
            var state = await RosterAccess.ReachableStudent(session, http, student);
            var command = new EditStudent(student, await StudentQueries.SchoolOf(session, state.SchoolId, cancellation),
                body.GivenName, body.FamilyName, body.YearGroup, body.Email, body.StudentInformationNumber,
                await StudentQueries.NumberTaken(session, state.SchoolId, body.StudentInformationNumber, student, cancellation),
                await StudentQueries.EmailTaken(session, state.SchoolId, body.Email, student, cancellation),
                RosterAccess.ActorId(http), DateTimeOffset.UtcNow);
            await session.Decide<StudentState>(student, http, s => Student.Decide(command, s), RosterAccess.StudentNotFound(student));
            return Results.Ok(await StudentViews.Details(session, student, cancellation));
        }).RequirePermission(PermissionMatrix.EditStudents)
            .WithSummary("Edit a student's names, year group (id or name), email and student information number; honours If-Match.");
    }
}
