using Marten;
using Portal.Identity.Access;
using Portal.Identity.Institutions;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Staff;

/// <summary>Exactly one of the three: a school, a cluster, or <c>allInstitutions: true</c>.</summary>
public sealed record AssociateRequest(Guid? SchoolId = null, Guid? ClusterId = null, bool? AllInstitutions = null);

/// <summary>
/// Trust and authority staff associated with schools (seed 002). Schools and clusters are checked against Identity's
/// copy of Institution's, in the caller's organisation: another organisation's profile or school is simply not there.
/// </summary>
public static class StaffAssociationEndpoints
{
    public static void MapStaffAssociationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/staff/{id:guid}/associations").WithTags("Staff associations");

        group.MapGet("/", async (Guid id, IQuerySession session, HttpContext http) =>
        {
            AssociationAccess.EnsureMayRead(StaffCaller.Actor(http), id);
            await LoadProfile(session, id, http.RequestAborted);
            await AssociationStreams.SetETagOf(session, id, http);
            return Results.Ok(await View(session, id, http.RequestAborted));
        }).WithSummary("A staff profile's associations: 'effective' lists every school it may act in with each source "
                       + "(kind direct, cluster with clusterId and clusterName, or all); 'associations' is what was chosen.");

        group.MapPost("/", async (Guid id, AssociateRequest body, IDocumentSession session, HttpContext http) =>
        {
            var actor = StaffCaller.Actor(http);
            AssociationAccess.EnsureAssociable(await LoadProfile(session, id, http.RequestAborted));
            var directory = await InstitutionDirectory.LoadAsync(session, http.RequestAborted);
            var at = DateTimeOffset.UtcNow;
            Func<StaffAssociationsState?, object[]> decide = body switch
            {
                { SchoolId: { } school, ClusterId: null, AllInstitutions: null or false } =>
                    state => StaffAssociations.Decide(new AssociateWithSchool(id, KnownSchool(directory, school).Id, actor.Id, at), state),
                { ClusterId: { } cluster, SchoolId: null, AllInstitutions: null or false } =>
                    state => StaffAssociations.Decide(new AssociateWithCluster(id, KnownCluster(directory, cluster).Id, actor.Id, at), state),
                { AllInstitutions: true, SchoolId: null, ClusterId: null } =>
                    state => StaffAssociations.Decide(new AssociateWithAllInstitutions(id, actor.Id, at), state),
                _ => throw new ValidationFailed("body", "Give exactly one of schoolId, clusterId or allInstitutions: true."),
            };
            await AssociationStreams.DecideAsync(session, id, http, decide);
            return Results.Ok(await View(session, id, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.AssociateStaffWithSchools).WithSummary("Associate an organisation-level profile with a school ({\"schoolId\": id}), a cluster "
                       + "({\"clusterId\": id}) or all institutions ({\"allInstitutions\": true}); one per request. "
                       + "District and Customer Administrators only; an unknown school or cluster is 404.");

        group.MapDelete("/schools/{school:guid}", async (Guid id, Guid school, IDocumentSession session, HttpContext http) =>
        {
            var actor = StaffCaller.Actor(http);
            AssociationAccess.EnsureAssociable(await LoadProfile(session, id, http.RequestAborted));
            var directory = await InstitutionDirectory.LoadAsync(session, http.RequestAborted);
            var name = directory.Schools.GetValueOrDefault(school)?.Name;
            await AssociationStreams.DecideAsync(session, id, http, state =>
            {
                // A school Institution no longer describes can still be removed if it was chosen directly.
                if (name is null && state?.Schools.Contains(school) != true)
                    throw UnknownSchool(school);
                return StaffAssociations.Decide(
                    new RemoveSchoolAssociation(id, school, name ?? $"School {school}", actor.Id, DateTimeOffset.UtcNow),
                    state, directory.ClusterMembership());
            });
            return Results.Ok(await View(session, id, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.AssociateStaffWithSchools).WithSummary("Remove a directly associated school. A school there only through a cluster (or all institutions) "
                       + "is refused with 409 naming the cluster: remove the cluster, or the school from it in Institution.");

        group.MapDelete("/clusters/{cluster:guid}", async (Guid id, Guid cluster, IDocumentSession session, HttpContext http) =>
        {
            var actor = StaffCaller.Actor(http);
            AssociationAccess.EnsureAssociable(await LoadProfile(session, id, http.RequestAborted));
            var directory = await InstitutionDirectory.LoadAsync(session, http.RequestAborted);
            await AssociationStreams.DecideAsync(session, id, http, state =>
            {
                if (!directory.Clusters.ContainsKey(cluster) && state?.Clusters.Contains(cluster) != true)
                    throw UnknownCluster(cluster);
                return StaffAssociations.Decide(new RemoveClusterAssociation(id, cluster, actor.Id, DateTimeOffset.UtcNow), state);
            });
            return Results.Ok(await View(session, id, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.AssociateStaffWithSchools).WithSummary("Remove a cluster association; its schools stay only where another source keeps them.");

        group.MapDelete("/all", async (Guid id, IDocumentSession session, HttpContext http) =>
        {
            var actor = StaffCaller.Actor(http);
            AssociationAccess.EnsureAssociable(await LoadProfile(session, id, http.RequestAborted));
            await AssociationStreams.DecideAsync(session, id, http, state =>
                StaffAssociations.Decide(new RemoveAllInstitutionsAssociation(id, actor.Id, DateTimeOffset.UtcNow), state));
            return Results.Ok(await View(session, id, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.AssociateStaffWithSchools).WithSummary("Remove the all-institutions association; direct and cluster associations stay.");
    }

    private static async Task<StaffAssociationsView> View(IQuerySession session, Guid id, CancellationToken cancellation) =>
        StaffAssociationsView.Of(
            await AssociationStreams.LoadAsync(session, id, cancellation), await InstitutionDirectory.LoadAsync(session, cancellation));

    private static async Task<StaffAccountState> LoadProfile(IQuerySession session, Guid id, CancellationToken cancellation) =>
        await session.LoadAsync<StaffAccountState>(id, cancellation) ?? throw new NotFound($"Staff account {id} was not found.");

    private static InstitutionDirectory.School KnownSchool(InstitutionDirectory directory, Guid id) =>
        directory.Schools.GetValueOrDefault(id) ?? throw UnknownSchool(id);

    private static InstitutionDirectory.Cluster KnownCluster(InstitutionDirectory directory, Guid id) =>
        directory.Clusters.GetValueOrDefault(id) ?? throw UnknownCluster(id);

    private static NotFound UnknownSchool(Guid id) => new($"School {id} is not known in this organisation.");

    private static NotFound UnknownCluster(Guid id) => new($"Cluster {id} is not known in this organisation.");
}
