using Marten;
using Portal.Identity.Institutions;
using Portal.Identity.Staff;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.LoginHistory;

/// <summary>
/// The login history per account and per school. Sessions belong to the caller's organisation (a platform operator's
/// to the one named in the Portal-Organisation header), so another organisation's accounts and schools are not there.
/// </summary>
public static class LoginHistoryEndpoints
{
    public const int AccountLimit = 50;
    public static readonly TimeSpan SchoolWindow = TimeSpan.FromDays(30);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/login-history").WithTags("Login history");

        group.MapGet("/accounts/{accountId:guid}", async (Guid accountId, IQuerySession session, HttpContext http) =>
        {
            var entries = await session.Query<LoginHistoryEntry>()
                .Where(e => e.AccountId == accountId)
                .OrderByDescending(e => e.At)
                .Take(AccountLimit)
                .ToListAsync(http.RequestAborted);
            var staff = await session.LoadAsync<StaffAccountState>(accountId, http.RequestAborted);
            if (staff is null && entries.Count == 0)
                throw new NotFound($"Account {accountId} was not found.");

            // Accounts other than staff (students) are placed by the schools their latest sign-in acted in.
            var schools = staff?.Institutions ?? entries[0].Institutions;
            // Out of the caller's scope answers as an account that does not exist.
            if (!http.GrantedScopeReaches(ScopedResource.AccountOf(accountId, schools)))
                throw new NotFound($"Account {accountId} was not found.");
            return Results.Ok(entries);
        }).RequirePermission(PermissionMatrix.ViewLoginHistory)
          .WithSummary($"The account's last {AccountLimit} sign-ins, newest first: time, method, whether a second factor "
                       + "was used, the schools the sign-in acted in, and whether it was an external administrator switching in.");

        group.MapGet("/institutions/{schoolId:guid}", async (Guid schoolId, IQuerySession session, HttpContext http, TimeProvider clock) =>
        {
            var caller = PortalCaller.From(http.User);
            var scope = http.GrantedScope();
            if (scope < Scope.OwnInstitution)
                throw new Forbidden("A school's login history is for administrators; you may see only your own "
                                    + $"(GET /login-history/accounts/{caller.AccountId}).");
            // Another school answers for a Building Administrator exactly as one that does not exist.
            var ownSchool = caller.Institutions.Contains(schoolId);
            if (!ownSchool && (scope < Scope.Organisation
                               || !await session.Query<KnownSchool>().AnyAsync(s => s.SchoolId == schoolId, http.RequestAborted)))
                throw new NotFound($"School {schoolId} was not found.");

            var since = clock.GetUtcNow() - SchoolWindow;
            var entries = await session.Query<LoginHistoryEntry>()
                .Where(e => e.At >= since && e.Institutions.Contains(schoolId))
                .OrderByDescending(e => e.At)
                .ToListAsync(http.RequestAborted);
            return Results.Ok(entries);
        }).RequirePermission(PermissionMatrix.ViewLoginHistory)
          .WithSummary($"The school's sign-ins of the last {SchoolWindow.Days} days, newest first, trust and local authority "
                       + "staff who switched into the school flagged as external administrators.");
    }
}
