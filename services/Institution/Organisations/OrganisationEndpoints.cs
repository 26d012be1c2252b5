using Marten;
using Portal.Institution.Access;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Institution.Organisations;

public sealed record RegisterOrganisationRequest(string Name, OrganisationKind Kind, Guid? Id = null);

public sealed record RenameOrganisationRequest(string Name);

public static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/organisations").WithTags("Organisations");

        group.MapPost("/", async (RegisterOrganisationRequest body, IDocumentStore store, HttpContext http) =>
        {
            Caller.EnsureOperator(http, "register an organisation");
            var id = body.Id ?? Guid.NewGuid();
            var events = Organisation.Decide(
                new RegisterOrganisation(id, body.Name, body.Kind, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), null);
            // A new organisation is a new tenant: its stream lives in its own tenant from the first event.
            await using var session = store.LightweightSession(id.ToString());
            await session.Start(id, http, events);
            return Results.Created(http.LinkTo($"/organisations/{id}"), await session.LoadAsync<OrganisationState>(id));
        }).WithSummary("Register an organisation (district, multi-academy trust or local authority). Platform operators only.");

        group.MapGet("/", async (IDocumentStore store, HttpContext http) =>
        {
            var caller = Caller.Of(http);
            await using var session = store.QuerySession();
            if (caller.IsOperator)
                return Results.Ok(await session.Query<OrganisationState>().Where(o => o.AnyTenant()).OrderBy(o => o.Name).ToListAsync());
            if (caller.OrganisationId is not { } own) return Results.Ok(Array.Empty<OrganisationState>());
            await using var tenant = store.QuerySession(own.ToString());
            return Results.Ok(await tenant.Query<OrganisationState>().Where(o => o.Id == own).ToListAsync());
        }).WithSummary("Organisations the caller may see: all for platform operators, otherwise their own.");

        group.MapGet("/{org:guid}", async (Guid org, IQuerySession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            return Results.Ok(await Load(session, org));
        }).WithSummary("An organisation with its term calendar.");

        group.MapPut("/{org:guid}/name", async (Guid org, RenameOrganisationRequest body, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            await session.Decide<OrganisationState>(org, http, state => Organisation.Decide(
                new RenameOrganisation(org, body.Name, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state), NotFoundMessage(org));
            return Results.Ok(await Load(session, org));
        }).RequirePermission(PermissionMatrix.EditSchoolInformation).WithSummary("Rename the organisation.");

        MapOperatorActivity(group);
    }

    private static void MapOperatorActivity(RouteGroupBuilder group) =>
        group.MapGet("/{org:guid}/operator-activity", async (Guid org, IQuerySession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            return Results.Ok(await session.Query<OperatorAct>().OrderByDescending(a => a.At).Take(500).ToListAsync());
        }).RequirePermission(PermissionMatrix.EditSchoolInformation)
          .WithSummary("What platform operators did in this organisation's Institution data, newest first (last 500).");

    public static async Task<OrganisationState> Load(IQuerySession session, Guid org) =>
        await session.LoadAsync<OrganisationState>(org) ?? throw new NotFound(NotFoundMessage(org));

    public static string NotFoundMessage(Guid org) => $"Organisation {org} was not found.";
}
