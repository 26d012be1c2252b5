using Marten;
using Portal.AccessCode.Students;

namespace Portal.AccessCode.Pairing;

/// <summary>The students and their schools as Roster and Institution described them, in one organisation's session.</summary>
public sealed record StudentNames(IReadOnlyDictionary<Guid, KnownStudent> Students, IReadOnlyDictionary<Guid, KnownSchool> Schools)
{
    public static async Task<StudentNames> Load(IQuerySession session, IEnumerable<Guid> students, CancellationToken cancellation)
    {
        var known = await session.LoadManyAsync<KnownStudent>(cancellation, students.Distinct());
        var schools = await session.LoadManyAsync<KnownSchool>(cancellation, known.Select(s => s.SchoolId).Distinct());
        return new StudentNames(known.ToDictionary(s => s.Id), schools.ToDictionary(s => s.Id));
    }

    public KnownStudent? Student(Guid id) => Students.GetValueOrDefault(id);

    public string? SchoolName(Guid school) => Schools.GetValueOrDefault(school)?.Name;
}
