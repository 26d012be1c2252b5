using Marten;
using Portal.Institution.Access;
using Portal.Institution.Schools;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.SupportCases;

public sealed record RaiseStudentLoginsCaseRequest(IReadOnlyList<string> YearGroups, string? Note = null);

public sealed record RejectCaseRequest(string Reason);

public static class SupportCaseEndpoints
{
    public static void MapSupportCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var school = app.MapGroup("/institutions/{school:guid}/cases").WithTags("Support cases");

        school.MapPost("/", async (Guid school, RaiseStudentLoginsCaseRequest body, IDocumentSession session, HttpContext http) =>
        {
            var schoolState = await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            var id = Guid.NewGuid();
            var events = SupportCase.Decide(
                new RaiseStudentLoginsCase(id, school, body.YearGroups, body.Note, Caller.Of(http).AccountId, DateTimeOffset.UtcNow),
                null, schoolState);
            await session.Start(id, http, events);
            return Results.Created(http.LinkTo($"/cases/{id}"), await Load(session, id));
        }).RequirePermission(PermissionMatrix.RequestFeatures).WithSummary("Ask for student logins to the portal for some year groups.");

        school.MapGet("/", async (Guid school, IQuerySession session, HttpContext http) =>
        {
            await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            return Results.Ok(await session.Query<SupportCaseState>().Where(c => c.SchoolId == school)
                .OrderByDescending(c => c.RaisedAt).ToListAsync());
        }).RequirePermission(PermissionMatrix.RequestFeatures).WithSummary("The school's support cases, newest first, with their outcome.");

        var cases = app.MapGroup("/cases").WithTags("Support cases");

        // Operators work a queue that spans organisations; each case says which organisation to name when acting on it.
        cases.MapGet("/", async (SupportCaseStatus? status, IDocumentStore store, HttpContext http) =>
        {
            Caller.EnsureOperator(http, "list support cases across organisations");
            await using var session = store.QuerySession();
            var query = session.Query<SupportCaseState>().Where(c => c.AnyTenant());
            if (status is { } wanted) query = query.Where(c => c.Status == wanted);
            var found = await query.OrderBy(c => c.RaisedAt).ToListAsync();
            var schoolIds = found.Select(c => c.SchoolId).Distinct().ToArray();
            var schools = (await session.Query<SchoolState>().Where(s => s.AnyTenant() && s.Id.IsOneOf(schoolIds)).ToListAsync())
                .ToDictionary(s => s.Id);
            return Results.Ok(found.Select(c => new
            {
                Case = c,
                OrganisationId = schools.GetValueOrDefault(c.SchoolId)?.OrganisationId,
                SchoolName = schools.GetValueOrDefault(c.SchoolId)?.Name,
            }));
        }).WithSummary("Support cases across organisations (platform operators), optionally by status.");

        cases.MapGet("/{case:guid}", async (Guid @case, IQuerySession session, HttpContext http) =>
        {
            var state = await ReadableCase(session, http, @case);
            return Results.Ok(state);
        }).WithSummary("A support case and its history.");

        cases.MapGet("/{case:guid}/history", async (Guid @case, IQuerySession session, HttpContext http) =>
        {
            var state = await ReadableCase(session, http, @case);
            var events = await session.Events.FetchStreamAsync(@case, token: http.RequestAborted);
            return Results.Ok(events.Select(e => new { e.Version, e.Timestamp, Event = e.EventTypeName, Data = e.Data }));
        }).WithSummary("Everything that happened to a support case, oldest first, with who did it.");

        cases.MapPost("/{case:guid}/approve", async (Guid @case, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOperator(http, "approve a support case");
            var actor = Caller.Of(http).AccountId;
            var now = DateTimeOffset.UtcNow;
            var state = await Load(session, @case);
            // The approval and the setting it grants are saved together: one transaction, two streams.
            var caseStream = await session.Events.FetchForWriting<SupportCaseState>(@case, http.RequestAborted);
            caseStream.AppendMany(SupportCase.Decide(new ApproveSupportCase(@case, actor, now), caseStream.Aggregate!));
            var schoolStream = await session.Events.FetchForWriting<SchoolState>(state.SchoolId, http.RequestAborted);
            var school = schoolStream.Aggregate ?? throw new NotFound(SchoolEndpoints.NotFoundMessage(state.SchoolId));
            schoolStream.AppendMany(School.Decide(StudentLoginsRequest.SettingsAfterApproval(school, state.YearGroups, actor, now), school));
            await session.SaveChangesAsync(http.RequestAborted);
            return Results.Ok(await Load(session, @case));
        }).WithSummary("Approve a case (platform operators, naming the organisation); the school's student-logins setting follows.");

        cases.MapPost("/{case:guid}/reject", async (Guid @case, RejectCaseRequest body, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOperator(http, "reject a support case");
            await session.Decide<SupportCaseState>(@case, http, state => SupportCase.Decide(
                new RejectSupportCase(@case, body.Reason, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state), NotFoundMessage(@case));
            return Results.Ok(await Load(session, @case));
        }).WithSummary("Reject a case with a reason (platform operators, naming the organisation).");
    }

    /// <summary>
    /// Cases are addressed by their own id, so the school's scope is checked against the case once loaded. The permission
    /// is checked first: without it every id answers the same 403; a case of another school answers 404 as a missing one.
    /// </summary>
    private static async Task<SupportCaseState> ReadableCase(IQuerySession session, HttpContext http, Guid id)
    {
        var scope = PermissionEndpointExtensions.ScopeFor(Caller.Of(http), PermissionMatrix.RequestFeatures);
        if (scope == Scope.None) throw new Forbidden($"Your account does not have the permission '{PermissionMatrix.RequestFeatures.Name}'.");
        var state = await Load(session, id);
        return Caller.SchoolInScope(http, scope, state.SchoolId) ? state : throw new NotFound(NotFoundMessage(id));
    }

    private static async Task<SupportCaseState> Load(IQuerySession session, Guid id) =>
        await session.LoadAsync<SupportCaseState>(id) ?? throw new NotFound(NotFoundMessage(id));

    private static string NotFoundMessage(Guid id) => $"Support case {id} was not found.";
}
