using Marten;
using Portal.Roster.Schools;
using Portal.Roster.Students;

namespace Portal.Roster.Guardians.Children;

/// <summary>
/// A child as their guardian sees them: name, year group, school, and whether they have left. Nothing staff keep
/// for running the roll (MIS id, email, student information number).
/// </summary>
public sealed record ChildView(
    Guid StudentId, string GivenName, string FamilyName, string YearGroup, string? YearGroupName, Guid SchoolId, string SchoolName, bool Left);

public static class ChildViews
{
    /// <summary>
    /// The paired students as each one's organisation holds them now (deleted ones left out), one query session per
    /// organisation, since the guardian's own session belongs to none.
    /// </summary>
    public static async Task<IReadOnlyList<ChildView>> Of(IDocumentStore store, IEnumerable<GuardianPairing> pairings, CancellationToken cancellation)
    {
        var children = new List<ChildView>();
        foreach (var organisation in pairings.GroupBy(p => p.OrganisationId))
        {
            await using var session = store.QuerySession(organisation.Key.ToString());
            var students = await session.LoadManyAsync<StudentState>(cancellation, organisation.Select(p => p.StudentId).Distinct());
            var present = students.Where(s => !s.Deleted).ToList();
            if (present.Count == 0) continue;
            var schools = (await session.LoadManyAsync<KnownSchool>(cancellation, present.Select(s => s.SchoolId).Distinct()))
                .ToDictionary(s => s.Id);
            children.AddRange(present.Select(s => View(s, schools.GetValueOrDefault(s.SchoolId))));
        }
        return children.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.StudentId).ToList();
    }

    private static ChildView View(StudentState student, KnownSchool? school) =>
        new(student.Id, student.GivenName, student.FamilyName, student.YearGroup,
            school?.YearGroups.FirstOrDefault(y => y.Id == student.YearGroup)?.Name, student.SchoolId, school?.Name ?? "",
            student.DateLeft is not null);
}
