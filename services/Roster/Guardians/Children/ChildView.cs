using Marten;
using Portal.Roster.Forms;
using Portal.Roster.Schools;
using Portal.Roster.Students;

namespace Portal.Roster.Guardians.Children;

/// <summary>
/// A child as their guardian sees them: name, year group, school, whether they have left, and the forms staff assigned
/// to the child's guardians (newest first, each with whether this guardian has submitted it; <see cref="FormsAwaiting"/>
/// counts those not yet submitted). Nothing staff keep for running the roll (MIS id, email, student information number).
/// </summary>
public sealed record ChildView(
    Guid StudentId, string GivenName, string FamilyName, string YearGroup, string? YearGroupName, Guid SchoolId, string SchoolName, bool Left,
    IReadOnlyList<ChildFormSummary> Forms)
{
    public int FormsAwaiting => Forms.Count(f => f.Status == StudentFormStatus.NotStarted);
}

public static class ChildViews
{
    /// <summary>
    /// The paired students as each one's organisation holds them now (deleted ones left out), one query session per
    /// organisation, since the guardian's own session belongs to none; the children's forms are read together per
    /// organisation, not per child.
    /// </summary>
    public static async Task<IReadOnlyList<ChildView>> Of(
        IDocumentStore store, Guid guardian, IEnumerable<GuardianPairing> pairings, CancellationToken cancellation)
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
            var forms = await GuardianFormAccess.FormsOf(session, guardian, present.Select(s => s.Id).ToList(), cancellation);
            children.AddRange(present.Select(s => View(s, schools.GetValueOrDefault(s.SchoolId), forms[s.Id].ToList())));
        }
        return children.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.StudentId).ToList();
    }

    private static ChildView View(StudentState student, KnownSchool? school, IReadOnlyList<ChildFormSummary> forms) =>
        new(student.Id, student.GivenName, student.FamilyName, student.YearGroup,
            school?.YearGroups.FirstOrDefault(y => y.Id == student.YearGroup)?.Name, student.SchoolId, school?.Name ?? "",
            student.DateLeft is not null, forms);
}
