using Marten;
using Portal.AccessCode.Access;
using Portal.AccessCode.Pairing;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Guardians;

public sealed record GuardianAccessView(Guid GuardianId, string? Name, string? Email, IReadOnlyList<GuardianStudentView> Students, int OtherStudents);

public sealed record GuardianStudentView(Guid StudentId, string Name, Guid SchoolId, string? SchoolName, DateTimeOffset PairedAt);

/// <summary>
/// A guardian as staff see them: the paired students the caller's scope reaches, by name; every other pairing (another
/// school, another organisation, out of scope) only counted. A guardian with no reachable student is not found.
/// </summary>
public static class GuardianAccess
{
    public static string GuardianNotFound(Guid guardian) => $"Guardian {guardian} was not found.";

    public static async Task<IResult> Handle(Guid guardian, IQuerySession session, IDocumentStore store, HttpContext http)
    {
        var cancellation = http.RequestAborted;
        IReadOnlyList<GuardianLink> links;
        KnownGuardian? account;
        await using (var shared = store.QuerySession(TenantResolver.NoTenant))
        {
            links = await GuardianLinks.Of(shared, guardian, cancellation);
            account = await shared.LoadAsync<KnownGuardian>(guardian, cancellation);
        }

        var organisation = Guid.Parse(session.TenantId);
        var here = links.Where(l => l.OrganisationId == organisation).ToList();
        var names = await StudentNames.Load(session, here.Select(l => l.StudentId), cancellation);
        var reachable = new List<GuardianStudentView>();
        foreach (var link in here)
        {
            if (names.Student(link.StudentId) is not { } student || !await CodeAccess.Reaches(session, http, student)) continue;
            reachable.Add(new GuardianStudentView(student.Id, student.Name, student.SchoolId, names.SchoolName(student.SchoolId), link.PairedAt));
        }
        if (reachable.Count == 0) throw new NotFound(GuardianNotFound(guardian));

        return Results.Ok(new GuardianAccessView(guardian, account?.Name, account?.Email, reachable, links.Count - reachable.Count));
    }
}
