using Marten;
using Microsoft.Extensions.Options;
using Portal.AccessCode.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;

namespace Portal.AccessCode.Codes;

public static class ViewingEndpoints
{
    public const string ViewName = "GetStudentAccess";

    public static void MapViewingStudentAccess(this IEndpointRouteBuilder app)
    {
        app.MapGet("/students/{student:guid}", async (Guid student, IQuerySession session, HttpContext http,
                AccessCodeSecrets secrets, IOptions<AccessCodeOptions> options) =>
            {
                var known = await CodeAccess.ReachableStudent(session, http, student);
                await session.SetETagOf(student, http);
                return TypedResults.Ok(await StudentAccessViews.Of(session, known, http, secrets, options));
            })
            .RequirePermission(PermissionMatrix.ViewGuardianAccess)
            .WithName(ViewName)
            .WithSummary("A student's Portal Access: their access code, the login instructions and the guardians paired with them.")
            .WithDescription("Teachers see the students of their active classes, read-only. The ETag carries the version to send in If-Match.")
            .Produces<StudentAccessView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
