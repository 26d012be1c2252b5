using Marten;
using Portal.Roster.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Students;

public sealed record AssignProductsRequest(IReadOnlyList<string>? ProductIds);

public static class ProductEndpoints
{
    public static void MapProducts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/products", (ProductCatalogue catalogue) => Results.Ok(catalogue.Products))
            .RequirePermission(PermissionMatrix.AssignProducts).WithTags("Products")
            .WithSummary("The products (apps) that may be assigned to students.");

        app.MapPut("/students/{student:guid}/products", async (Guid student, AssignProductsRequest body, ProductCatalogue catalogue,
            IDocumentSession session, HttpContext http) =>
        {
            await RosterAccess.ReachableStudent(session, http, student);
            var command = new AssignProducts(student, body.ProductIds, catalogue.Ids, RosterAccess.ActorId(http), DateTimeOffset.UtcNow);
            await session.Decide<StudentState>(student, http, s => Student.Decide(command, s), RosterAccess.StudentNotFound(student));
            return Results.Ok(await StudentViews.Details(session, student, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.AssignProducts).WithTags("Students")
            .WithSummary("Set the whole set of products a student may open from the portal.");
    }
}
