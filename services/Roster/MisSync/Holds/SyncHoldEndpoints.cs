using Marten;
using Portal.Roster.Access;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.MisSync;

/// <summary>
/// Full rolls the sync guard held, for staff who may edit every student of the school (institution scope or wider):
/// list a school's holds, read one with the students it would mark as left, apply or reject it.
/// </summary>
public static class SyncHoldEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/institutions/{school:guid}/sync-holds", async (Guid school, IQuerySession session, HttpContext http) =>
            {
                EnsureWholeSchoolScope(http);
                RosterAccess.EnsureSchoolReachable(http, school);
                if (await session.LoadAsync<KnownSchool>(school, http.RequestAborted) is null)
                    throw new NotFound(RosterAccess.SchoolNotFound(school));
                var holds = await session.Query<SyncHoldState>().Where(h => h.SchoolId == school).ToListAsync(http.RequestAborted);
                return Results.Ok(holds.OrderByDescending(h => h.HeldAt).Select(SyncHoldSummary.Of).ToList());
            })
            .RequirePermission(PermissionMatrix.EditStudents).WithTags("MIS sync")
            .WithSummary("The school's held MIS full rolls, pending and decided, with how many students each would mark as left.");

        var hold = app.MapGroup("/sync-holds/{hold:guid}").WithTags("MIS sync");

        hold.MapGet("/", async (Guid hold, IQuerySession session, HttpContext http) =>
            {
                var state = await Reachable(session, http, hold);
                await session.SetETagOf(hold, http);
                return Results.Ok(SyncHoldDetails.Of(state));
            })
            .RequirePermission(PermissionMatrix.EditStudents)
            .WithSummary("A held MIS full roll with the students it would mark as left.");

        hold.MapPost("/apply", async (Guid hold, IDocumentSession session, HttpContext http, ILogger<SyncHoldState> logger) =>
            {
                var state = await Reachable(session, http, hold);
                var command = new ApplySyncHold(hold, RosterAccess.ActorId(http), DateTimeOffset.UtcNow);
                SyncHold.Decide(command, state); // a decided hold is refused before the roll is run
                var roll = await session.LoadAsync<HeldRoll>(hold, http.RequestAborted)
                           ?? throw new RuleViolation($"Sync hold {hold} no longer has its records to apply.");
                var school = await session.LoadAsync<KnownSchool>(state.SchoolId, http.RequestAborted)
                             ?? throw new NotFound(RosterAccess.SchoolNotFound(state.SchoolId));

                var (commands, rejections) = StudentRecords.Check(Guid.Parse(session.TenantId), school, roll.Students, roll.SyncedAt);
                if (rejections.Count > 0)
                    throw new RuleViolation($"The held roll no longer fits the school: {string.Join(" ", rejections.Take(MisRecordRejected.MaxReasonsListed))}");
                var students = new StudentRoll(session, school, roll.SyncedAt);
                var plan = await students.PlanAsync(commands, fullRoll: true, http.RequestAborted);
                students.Apply(plan);
                session.Delete<HeldRoll>(hold);
                await session.Decide<SyncHoldState>(hold, http, s => SyncHold.Decide(command, s), SyncHold.NotFound(hold));
                logger.LogInformation("Held MIS full roll {HoldId} of school {SchoolId} applied: {Left} left, {Enrolled} enrolled, {Changed} changed",
                    hold, school.Id, plan.Left, plan.Enrolled, plan.Changed);
                return Results.Ok(new AppliedSyncHold(SyncHoldDetails.Of(await Load(session, hold, http)), AppliedRoll.Of(plan)));
            })
            .RequirePermission(PermissionMatrix.EditStudents)
            .WithSummary("Apply a held MIS full roll as a normal full-roll sync (records older than one applied since change nothing).");

        hold.MapPost("/reject", async (Guid hold, IDocumentSession session, HttpContext http) =>
            {
                await Reachable(session, http, hold);
                session.Delete<HeldRoll>(hold);
                await session.Decide<SyncHoldState>(hold, http,
                    s => SyncHold.Decide(new RejectSyncHold(hold, RosterAccess.ActorId(http), DateTimeOffset.UtcNow), s), SyncHold.NotFound(hold));
                return Results.Ok(SyncHoldDetails.Of(await Load(session, hold, http)));
            })
            .RequirePermission(PermissionMatrix.EditStudents)
            .WithSummary("Reject a held MIS full roll: nothing of it is applied.");
    }

    /// <summary>
    /// A held roll decides about the whole school's students, so class scope (teachers) is not enough; a school out of
    /// the caller's reach answers 404 like a hold that does not exist.
    /// </summary>
    private static async Task<SyncHoldState> Reachable(IQuerySession session, HttpContext http, Guid hold)
    {
        EnsureWholeSchoolScope(http);
        var state = await Load(session, hold, http);
        if (!http.GrantedScopeReaches(ScopedResource.InSchool(state.SchoolId)))
            throw new NotFound(SyncHold.NotFound(hold));
        return state;
    }

    private static async Task<SyncHoldState> Load(IQuerySession session, Guid hold, HttpContext http) =>
        await session.LoadAsync<SyncHoldState>(hold, http.RequestAborted) ?? throw new NotFound(SyncHold.NotFound(hold));

    private static void EnsureWholeSchoolScope(HttpContext http)
    {
        if (http.GrantedScope() < Scope.OwnInstitution)
            throw new Forbidden(
                $"Held MIS rolls concern every student of the school: they need '{PermissionMatrix.EditStudents.Name}' for the whole school, and your account holds it for your own classes only.");
    }
}
