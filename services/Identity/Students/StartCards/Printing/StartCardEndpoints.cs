using Marten;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Students.StartCards.Printing;

/// <summary>
/// Printing start cards. Both endpoints are POSTs although they answer with a PDF: printing issues a fresh setup code for
/// every student on the cards, which is a change (the previous codes stop working), and a GET must not change anything.
/// </summary>
public static class StartCardEndpoints
{
    const string Tag = "Start cards";

    public static void MapStartCardPrinting(this IEndpointRouteBuilder app)
    {
        app.MapPost("/students/{student:guid}/start-card.pdf", async (
                Guid student, IDocumentSession session, HttpContext http, StartCardOptions options, TimeProvider clock) =>
            {
                var (school, holder) = await StartCardSelection.OneAsync(session, http, student);
                return await PrintAsync(session, http, school, [holder], options, clock, $"start-card-{student}.pdf");
            })
            .Common().WithName("PrintStartCard")
            .WithSummary("Prints a student's start card (A4 PDF): name, school, username, a one-time setup code and where to sign in. " +
                         "Issues a new setup code each time: the student's previous code stops working.")
            .Produces(StatusCodes.Status200OK, contentType: StartCardsPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/start-cards", async (
                PrintStartCards request, IDocumentSession session, HttpContext http, StartCardOptions options, TimeProvider clock) =>
            {
                var (school, holders) = await StartCardSelection.ManyAsync(session, http, request);
                return await PrintAsync(session, http, school, holders, options, clock, $"start-cards-{request.SchoolId}.pdf");
            })
            .Common().WithName("PrintStartCards")
            .WithSummary("Prints start cards (A4 PDF, eight per page with cut lines) for a school's students with enabled logins, " +
                         "optionally only some year groups and/or one class; teachers get only their classes' students. " +
                         "Issues a new setup code for every student printed: their previous codes stop working. 409 when no student matches.")
            .Produces(StatusCodes.Status200OK, contentType: StartCardsPdf.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    static async Task<IResult> PrintAsync(
        IDocumentSession session, HttpContext http, string school, IReadOnlyList<CardHolder> holders,
        StartCardOptions options, TimeProvider clock, string fileName)
    {
        var cards = await StartCardIssuer.IssueAsync(
            session, school, holders, PortalCaller.From(http.User).AccountId, options, clock.GetUtcNow(), http.RequestAborted);
        // The codes are secrets: no cache on the way may keep a copy.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(output => StartCardsPdf.WriteAsync(cards, output, http.RequestAborted), StartCardsPdf.ContentType, fileName);
    }

    static RouteHandlerBuilder Common(this RouteHandlerBuilder builder) =>
        builder.RequirePermission(PermissionMatrix.IssueStartCards).WithTags(Tag);
}
