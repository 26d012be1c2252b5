using Marten;
using Portal.Institution.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Institution.Organisations;

public sealed record SetTermRequest(string Name, DateOnly Start, DateOnly End);

public sealed record ApplyUkDefaultRequest(int AcademicYear);

public static class TermEndpoints
{
    public static void MapTermEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/organisations/{org:guid}/terms").WithTags("Term calendar");

        group.MapGet("/", async (Guid org, IQuerySession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            return Results.Ok((await OrganisationEndpoints.Load(session, org)).Terms);
        }).WithSummary("The organisation's terms, in date order.");

        group.MapGet("/uk-default", (Guid org, int academicYear, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            return Results.Ok(UkTermCalendar.Default(academicYear));
        }).WithSummary("The UK default terms (autumn, spring, summer) for the academic year starting in the given year, as an offer.");

        group.MapPost("/uk-default", async (Guid org, ApplyUkDefaultRequest body, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            var actor = Caller.Of(http).AccountId;
            await session.Decide<OrganisationState>(org, http, state =>
            {
                // Each term is decided against the calendar as the previous ones left it, so the batch is all or nothing.
                var events = new List<object>();
                foreach (var term in UkTermCalendar.Default(body.AcademicYear))
                {
                    var decided = Organisation.Decide(new SetTerm(org, term.Id, term.Name, term.Start, term.End, actor, DateTimeOffset.UtcNow), state);
                    state = decided.OfType<TermSet>().Aggregate(state, (s, e) => s.Apply(e));
                    events.AddRange(decided);
                }
                return events;
            }, OrganisationEndpoints.NotFoundMessage(org));
            return Results.Ok((await OrganisationEndpoints.Load(session, org)).Terms);
        }).RequirePermission(PermissionMatrix.ManageTermCalendar).WithSummary("Add the UK default terms for an academic year.");

        group.MapPut("/{termId}", async (Guid org, string termId, SetTermRequest body, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            await session.Decide<OrganisationState>(org, http, state => Organisation.Decide(
                new SetTerm(org, termId, body.Name, body.Start, body.End, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state),
                OrganisationEndpoints.NotFoundMessage(org));
            return Results.Ok((await OrganisationEndpoints.Load(session, org)).FindTerm(termId));
        }).RequirePermission(PermissionMatrix.ManageTermCalendar).WithSummary("Add a term or change its name and dates; overlapping terms are refused.");

        group.MapDelete("/{termId}", async (Guid org, string termId, IDocumentSession session, HttpContext http) =>
        {
            Caller.EnsureOrganisation(http, org);
            await session.Decide<OrganisationState>(org, http, state => Organisation.Decide(
                new RemoveTerm(org, termId, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state),
                OrganisationEndpoints.NotFoundMessage(org));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.ManageTermCalendar).WithSummary("Remove a term.");
    }
}
