using Marten;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.SignIn;

public sealed record TwoFactorPolicyRequest(bool RequiredForAllStaff, IReadOnlyList<Guid>? RequiredInstitutions);

public static class TwoFactorPolicyEndpoints
{
    public static void MapTwoFactorPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/two-factor-policy").WithTags("Two-factor policy");

        group.MapGet("/", async (IQuerySession session, HttpContext http) =>
        {
            var org = Organisation(http);
            return Results.Ok(await session.LoadAsync<TwoFactorPolicyState>(org) ?? new TwoFactorPolicyState(org, false, []));
        }).WithSummary("Where the caller's organisation requires staff to use two-factor authentication.");

        group.MapPut("/", async (TwoFactorPolicyRequest body, IDocumentSession session, HttpContext http) =>
        {
            var org = Organisation(http);
            var command = new SetTwoFactorPolicy(org, body.RequiredForAllStaff, body.RequiredInstitutions ?? [], PortalCaller.From(http.User), DateTimeOffset.UtcNow);
            var stream = await session.Events.FetchForWriting<TwoFactorPolicyState>(org);
            var events = TwoFactorPolicy.Decide(command, stream.Aggregate);
            if (events.Length > 0)
            {
                stream.AppendMany(events);
                await session.SaveChangesAsync();
            }
            return Results.Ok(await session.LoadAsync<TwoFactorPolicyState>(org) ?? new TwoFactorPolicyState(org, false, []));
        }).WithSummary("Require two-factor authentication for all staff of the organisation, or for the staff of chosen schools.");
    }

    static Guid Organisation(HttpContext http) =>
        PortalCaller.From(http.User).OrganisationId ?? throw new Forbidden("Your token names no organisation.");
}
