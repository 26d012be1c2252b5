using Marten;
using Portal.Institution.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Institution.Schools;

public sealed record AddYearGroupRequest(string Id, string Name);

public static class YearGroupEndpoints
{
    public static void MapYearGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/institutions/{school:guid}/year-groups").WithTags("Year groups");

        group.MapGet("/", async (Guid school, IQuerySession session, HttpContext http) =>
        {
            var state = await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            return Results.Ok(state.YearGroups);
        }).RequirePermission(PermissionMatrix.ViewSchools).WithSummary("The school's year groups, in order.");

        group.MapPost("/", async (Guid school, AddYearGroupRequest body, IDocumentSession session, HttpContext http) =>
        {
            await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            await session.Decide<SchoolState>(school, http, state => School.Decide(
                new AddYearGroup(school, body.Id, body.Name, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state),
                SchoolEndpoints.NotFoundMessage(school));
            return Results.Ok((await SchoolEndpoints.Load(session, school)).YearGroups);
        }).RequirePermission(PermissionMatrix.EditSchoolInformation).WithSummary("Add a year group (e.g. N, Nursery).");

        group.MapDelete("/{yearGroup}", async (Guid school, string yearGroup, IDocumentSession session, HttpContext http) =>
        {
            await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            await session.Decide<SchoolState>(school, http, state => School.Decide(
                new RemoveYearGroup(school, yearGroup, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state),
                SchoolEndpoints.NotFoundMessage(school));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.EditSchoolInformation).WithSummary("Remove a year group; refused while student logins are on for it.");
    }
}
