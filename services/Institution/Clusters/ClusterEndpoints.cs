using Marten;
using Portal.Institution.Access;
using Portal.Institution.Organisations;
using Portal.Institution.Schools;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Clusters;

public sealed record ClusterNameRequest(string Name, Guid? Id = null);

public static class ClusterEndpoints
{
    public static void MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/organisations/{org:guid}/clusters").WithTags("Clusters");

        group.MapGet("/", async (Guid org, IQuerySession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            return Results.Ok(await session.Query<ClusterState>().OrderBy(c => c.Name).ToListAsync());
        }).RequirePermission(PermissionMatrix.ViewSchools).WithSummary("The organisation's clusters (groups of schools).");

        group.MapPost("/", async (Guid org, ClusterNameRequest body, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            await OrganisationEndpoints.Load(session, org);
            var id = body.Id ?? Guid.NewGuid();
            var events = Cluster.Decide(new CreateCluster(id, org, body.Name, Caller.Of(http).AccountId, DateTimeOffset.UtcNow),
                await session.LoadAsync<ClusterState>(id));
            await session.Start(id, http, events);
            return Results.Created(http.LinkTo($"/organisations/{org}/clusters/{id}"), await Load(session, id));
        }).RequirePermission(PermissionMatrix.ManageSchoolGroups).WithSummary("Create a cluster.");

        group.MapGet("/{cluster:guid}", async (Guid org, Guid cluster, IQuerySession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            var state = await Load(session, cluster);
            await session.SetETagOf(cluster, http);
            return Results.Ok(state);
        }).RequirePermission(PermissionMatrix.ViewSchools).WithSummary("A cluster and its member schools.");

        group.MapPut("/{cluster:guid}/name", async (Guid org, Guid cluster, ClusterNameRequest body, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            await Change(session, http, cluster, state => Cluster.Decide(
                new RenameCluster(cluster, body.Name, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state));
            return Results.Ok(await Load(session, cluster));
        }).RequirePermission(PermissionMatrix.ManageSchoolGroups).WithSummary("Rename a cluster.");

        group.MapGet("/{cluster:guid}/members", async (Guid org, Guid cluster, IQuerySession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            var state = await Load(session, cluster);
            var schools = await session.LoadManyAsync<SchoolState>(state.SchoolIds);
            return Results.Ok(schools.Select(s => new { s.Id, s.Name, s.Code, s.Phase }));
        }).RequirePermission(PermissionMatrix.ViewSchools).WithSummary("The schools in a cluster.");

        group.MapPut("/{cluster:guid}/members/{school:guid}", async (Guid org, Guid cluster, Guid school, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            await SchoolEndpoints.Load(session, school);
            await Change(session, http, cluster, state => Cluster.Decide(
                new AddSchoolToCluster(cluster, school, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.ManageSchoolGroups).WithSummary("Add a school of the organisation to a cluster.");

        group.MapDelete("/{cluster:guid}/members/{school:guid}", async (Guid org, Guid cluster, Guid school, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            await Change(session, http, cluster, state => Cluster.Decide(
                new RemoveSchoolFromCluster(cluster, school, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.ManageSchoolGroups).WithSummary("Remove a school from a cluster.");
    }

    private static Task<long> Change(IDocumentSession session, HttpContext http, Guid cluster, Func<ClusterState, object[]> decide) =>
        session.Decide(cluster, http, decide, NotFoundMessage(cluster));

    private static async Task<ClusterState> Load(IQuerySession session, Guid cluster) =>
        await session.LoadAsync<ClusterState>(cluster) ?? throw new NotFound(NotFoundMessage(cluster));

    private static string NotFoundMessage(Guid cluster) => $"Cluster {cluster} was not found.";
}
