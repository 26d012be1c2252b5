using Marten;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Guardians.Children;

public static class MyChildrenEndpoints
{
    public static void MapMyChildren(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me/children", async (IDocumentStore store, HttpContext http) =>
        {
            var guardian = GuardianAccess.GuardianOf(http);
            await using var pairings = store.QuerySession(TenantResolver.NoTenant);
            var current = await GuardianPairings.CurrentOf(pairings, guardian, http.RequestAborted);
            return Results.Ok(await ChildViews.Of(store, guardian, current, http.RequestAborted));
        }).WithName("MyChildren")
            .WithSummary("The students the signed-in guardian is paired with, in every organisation, each with the forms assigned to their guardians and whether this guardian has submitted each (guardians only).");

        app.MapGet("/me/children/{student:guid}", async (Guid student, IDocumentStore store, HttpContext http) =>
        {
            var guardian = GuardianAccess.GuardianOf(http);
            await using var pairings = store.QuerySession(TenantResolver.NoTenant);
            var pairing = await GuardianPairings.CurrentOf(pairings, guardian, student, http.RequestAborted)
                          ?? throw new NotFound(GuardianAccess.ChildNotFound(student));
            var child = (await ChildViews.Of(store, guardian, [pairing], http.RequestAborted)).SingleOrDefault()
                        ?? throw new NotFound(GuardianAccess.ChildNotFound(student));
            return Results.Ok(child);
        }).WithName("MyChild")
            .WithSummary("One student the signed-in guardian is paired with; any other student answers 404 (guardians only).");
    }
}
