using Marten;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Students;

public sealed record StudentLoginView(Guid StudentId, Guid SchoolId, bool Enabled, string? Username, string? WithheldUsername);

/// <summary>
/// Whether a student has a login, under which username, or which synced email was withheld because another account
/// signs in with it: what staff need to answer "why can this student not sign in?". Teachers reach the students of the
/// classes they teach (Identity's copy of Roster's classes); anyone else out of reach answers 404 as for a stranger.
/// </summary>
public static class StudentLoginEndpoints
{
    public static void MapStudentLoginEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/students/{student:guid}/login", async (Guid student, IQuerySession session, HttpContext http) =>
            {
                var login = await session.LoadAsync<StudentLoginState>(student, http.RequestAborted);
                if (login is null || !http.GrantedScopeReaches(await StudentReach.ResourceOf(session, login, http.RequestAborted)))
                    throw new NotFound($"Student {student} has no login here, or is not in your reach.");
                return Results.Ok(new StudentLoginView(login.Id, login.SchoolId, login.Enabled, login.Username, login.Withheld));
            })
            .RequirePermission(PermissionMatrix.ViewStudents)
            .WithTags("Student logins").WithName("StudentLogin")
            .Produces<StudentLoginView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A student's login: enabled or not, the username (their synced email), or the email withheld as taken.");
}
