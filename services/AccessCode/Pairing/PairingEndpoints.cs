namespace Portal.AccessCode.Pairing;

/// <summary>What a signed-in parent/guardian does with access codes: pair with a student, list the students paired.</summary>
public static class PairingEndpoints
{
    public static void MapPairingEndpoints(this IEndpointRouteBuilder app)
    {
        var pairing = app.MapGroup("").WithTags("Pairing");

        pairing.MapPost("/pair", PairWithCode.Handle)
            .WithName("PairWithAccessCode")
            .WithSummary("A signed-in parent/guardian enters a student's access code and is paired with that student.")
            .WithDescription("Case, spaces and dashes in the code do not matter. Pairing again with the same code changes nothing "
                             + "(alreadyPaired). After 5 codes that did not work within 15 minutes, pairing is locked for 15 minutes "
                             + "for the guardian and for the address (429 with Retry-After).")
            .Produces<PairedStudent>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        pairing.MapGet("/me/students", GuardianStudents.Handle)
            .WithName("GetMyPairedStudents")
            .WithSummary("The students the signed-in parent/guardian is paired with, in every school and organisation.")
            .Produces<IReadOnlyList<GuardianStudent>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
