using Portal.ServiceDefaults.Permissions;

namespace Portal.AccessCode.Guardians;

/// <summary>Staff open a guardian (from a student's paired list) and revoke their access to chosen students.</summary>
public static class GuardianEndpoints
{
    public static void MapGuardianEndpoints(this IEndpointRouteBuilder app)
    {
        var guardians = app.MapGroup("/guardians").WithTags("Guardians");

        guardians.MapGet("/{guardian:guid}", GuardianAccess.Handle)
            .RequirePermission(PermissionMatrix.ViewGuardianAccess)
            .WithName("GetGuardianAccess")
            .WithSummary("A guardian's paired students: those within the caller's reach by name, all others only counted.")
            .WithDescription("Answers 404 when none of the guardian's students is within the caller's reach.")
            .Produces<GuardianAccessView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        guardians.MapPost("/{guardian:guid}/revoke", RevokeGuardianAccessEndpoint.Handle)
            .RequirePermission(PermissionMatrix.EnableGuardianLogin)
            .WithName("RevokeGuardianAccess")
            .WithSummary("Ends the guardian's access to the chosen students and resets each student's code; answers the new codes.")
            .WithDescription("Every student must be within the caller's reach and paired with the guardian, or nothing changes (404).")
            .Produces<IReadOnlyList<RevokedStudent>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
