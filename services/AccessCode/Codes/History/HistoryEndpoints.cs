using Marten;
using Portal.AccessCode.Access;
using Portal.ServiceDefaults.Permissions;

namespace Portal.AccessCode.Codes;

public static class HistoryEndpoints
{
    public static void MapAccessHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/students/{student:guid}/history", async (Guid student, IQuerySession session, HttpContext http) =>
            {
                await CodeAccess.ReachableStudent(session, http, student);
                return TypedResults.Ok(await AccessHistory.Of(session, student, http.RequestAborted));
            })
            .RequirePermission(PermissionMatrix.ViewGuardianAccess)
            .WithName("GetStudentAccessHistory")
            .WithSummary("A student's access history, oldest first: codes issued and reset, guardians paired and revoked, with who acted.")
            .Produces<IReadOnlyList<AccessHistoryEntry>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
