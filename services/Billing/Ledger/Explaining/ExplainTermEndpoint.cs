using Marten;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Ledger.Explaining;

/// <summary>A student counted in the term: where, why (their enabled intervals, clipped to the term), and a name for the school's own staff.</summary>
public sealed record CountedStudent(Guid StudentId, Guid SchoolId, string? GivenName, string? FamilyName, IReadOnlyList<LoginInterval> Intervals);

/// <summary>Who was counted in a term: the term's days, the instants they cover in UTC, and the counted students.</summary>
public sealed record TermStudents(
    Guid OrganisationId, string TermId, string TermName, DateOnly Start, DateOnly End, DateTimeOffset From, DateTimeOffset To,
    int Count, IReadOnlyList<CountedStudent> Students);

public static class ExplainTermEndpoint
{
    public static void MapExplainTerm(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/organisations/{org:guid}/terms/{term}/students", ExplainAsync)
            .WithTags("Ledger")
            .RequireAuthorization()
            .WithSummary("Who was counted in a term and why")
            .WithDescription("Each student billable in the term (enabled at any moment inside it), the school they are counted at and their "
                             + "enabled intervals clipped to the term (an interval without 'to' is still open). Filter with ?school={id}. "
                             + "District and Customer administrators, operators and finance see every school by id; a Building "
                             + "administrator sees their own school's students, with names.")
            .Produces<TermStudents>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<TermStudents> ExplainAsync(
        Guid org, string term, Guid? school, HttpContext http, IDocumentStore store, BillingTimeZone zone, CancellationToken cancellation)
    {
        var reach = LedgerReach.Of(http.User, org);
        if (school is { } asked && !reach.Reaches(asked)) throw new NotFound($"There is no school {asked} in your reach.");

        await using var session = store.QuerySession(org.ToString());
        var calendar = await session.LoadAsync<BillingTermCalendar>(org, cancellation);
        var found = calendar?.Find(term) ?? throw new NotFound($"The organisation has no term '{term}' in its calendar.");

        IQueryable<TermCharge> query = session.Query<TermCharge>().Where(c => c.TermId == term);
        if (school is { } only) query = query.Where(c => c.SchoolId == only);
        else if (reach.Schools is { } own) query = query.Where(c => c.SchoolId.IsOneOf(own.ToArray()));
        var charges = await query.OrderBy(c => c.SchoolId).ThenBy(c => c.StudentId).ToListAsync(cancellation);

        var named = charges.Where(c => reach.NamedSchools.Contains(c.SchoolId)).Select(c => c.StudentId).ToList();
        var names = named.Count == 0
            ? new Dictionary<Guid, BilledStudentName>()
            : (await session.LoadManyAsync<BilledStudentName>(cancellation, named)).ToDictionary(n => n.Id);

        var window = BillingRule.WindowOf(found, zone.Zone);
        return new TermStudents(org, found.TermId, found.Name, found.Start, found.End, window.Start, window.End, charges.Count,
            charges.Select(c => names.TryGetValue(c.StudentId, out var n) && n.GivenName.Length + n.FamilyName.Length > 0
                    ? new CountedStudent(c.StudentId, c.SchoolId, n.GivenName, n.FamilyName, c.Intervals)
                    : new CountedStudent(c.StudentId, c.SchoolId, null, null, c.Intervals))
                .ToList());
    }
}
