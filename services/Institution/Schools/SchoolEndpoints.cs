using Marten;
using Portal.Institution.Access;
using Portal.Institution.Organisations;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

public sealed record RegisterSchoolRequest(string Name, string Code, SchoolPhase Phase, Guid? Id = null);

public sealed record EditSchoolDetailsRequest(string Name, string Code, SchoolPhase Phase);

public static class SchoolEndpoints
{
    public static void MapSchoolEndpoints(this IEndpointRouteBuilder app)
    {
        var organisation = app.MapGroup("/organisations/{org:guid}/institutions").WithTags("Schools");

        organisation.MapPost("/", async (Guid org, RegisterSchoolRequest body, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            await OrganisationEndpoints.Load(session, org);
            await EnsureCodeIsFree(session, body.Code, except: null);
            var id = body.Id ?? Guid.NewGuid();
            var events = School.Decide(new RegisterSchool(id, org, body.Name, body.Code, body.Phase, Caller.Of(http).AccountId, DateTimeOffset.UtcNow),
                await session.LoadAsync<SchoolState>(id));
            await session.Start(id, http, events);
            return Results.Created(http.LinkTo($"/institutions/{id}"), await Load(session, id));
        }).RequirePermission(PermissionMatrix.EditSchoolInformation).WithSummary("Register a school in the organisation.");

        organisation.MapGet("/", async (Guid org, IQuerySession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            var scope = http.GrantedScope();
            var schools = await session.Query<SchoolState>().OrderBy(s => s.Name).ToListAsync();
            var mine = Caller.Of(http).Institutions;
            return Results.Ok(scope == Scope.Organisation ? schools : schools.Where(s => mine.Contains(s.Id)).ToList());
        }).RequirePermission(PermissionMatrix.ViewSchools).WithSummary("The organisation's schools the caller may see.");

        var school = app.MapGroup("/institutions/{school:guid}").WithTags("Schools");

        school.MapGet("/", async (Guid school, IQuerySession session, HttpContext http) =>
        {
            var state = await Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            await session.SetETagOf(school, http);
            return Results.Ok(state);
        }).RequirePermission(PermissionMatrix.ViewSchools).WithSummary("A school with its year groups and settings.");

        school.MapPut("/", async (Guid school, EditSchoolDetailsRequest body, IDocumentSession session, HttpContext http) =>
        {
            await Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            await EnsureCodeIsFree(session, body.Code, except: school);
            await session.Decide<SchoolState>(school, http, state => School.Decide(
                new EditSchoolDetails(school, body.Name, body.Code, body.Phase, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state),
                NotFoundMessage(school));
            return Results.Ok(await Load(session, school));
        }).RequirePermission(PermissionMatrix.EditSchoolInformation).WithSummary("Edit a school's name, code and phase.");
    }

    public static async Task<SchoolState> Load(IQuerySession session, Guid school) =>
        await session.LoadAsync<SchoolState>(school) ?? throw new NotFound(NotFoundMessage(school));

    public static string NotFoundMessage(Guid school) => Caller.SchoolNotFound(school);

    private static async Task EnsureCodeIsFree(IQuerySession session, string? code, Guid? except)
    {
        var trimmed = code?.Trim() ?? "";
        var holder = await session.Query<SchoolState>().FirstOrDefaultAsync(s => s.Code == trimmed && s.Id != except);
        if (holder is not null && trimmed.Length > 0)
            throw new RuleViolation($"School code '{trimmed}' is already used by '{holder.Name}' in this organisation.");
    }
}
