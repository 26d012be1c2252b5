using Marten;
using Portal.AccessCode.Access;
using Portal.ServiceDefaults.Persistence;

namespace Portal.AccessCode.Pairing;

public sealed record GuardianStudent(
    Guid StudentId, string? StudentName, Guid SchoolId, string? SchoolName, Guid OrganisationId, DateTimeOffset PairedAt);

/// <summary>The students a guardian is paired with, in every organisation, named as each organisation knows them.</summary>
public static class GuardianStudents
{
    public static async Task<IResult> Handle(IDocumentStore store, HttpContext http)
    {
        var guardian = CodeAccess.GuardianOf(http);
        var cancellation = http.RequestAborted;
        IReadOnlyList<GuardianLink> links;
        await using (var shared = store.QuerySession(TenantResolver.NoTenant))
            links = await GuardianLinks.Of(shared, guardian, cancellation);

        var students = new List<GuardianStudent>(links.Count);
        foreach (var organisation in links.GroupBy(l => l.OrganisationId))
        {
            await using var session = store.QuerySession(organisation.Key.ToString());
            var names = await StudentNames.Load(session, organisation.Select(l => l.StudentId), cancellation);
            students.AddRange(organisation.Select(link =>
            {
                var school = names.Student(link.StudentId)?.SchoolId ?? link.SchoolId;
                return new GuardianStudent(link.StudentId, names.Student(link.StudentId)?.Name, school, names.SchoolName(school),
                    link.OrganisationId, link.PairedAt);
            }));
        }
        return Results.Ok(students.OrderBy(s => s.PairedAt));
    }
}
