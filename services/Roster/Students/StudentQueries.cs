using Marten;
using Portal.Roster.Access;
using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>What the student endpoints ask the store before deciding: the school, who already holds a number or an email, the classes.</summary>
public static class StudentQueries
{
    public static async Task<KnownSchool> SchoolOf(IQuerySession session, Guid school, CancellationToken cancellation) =>
        await session.LoadAsync<KnownSchool>(school, cancellation) ?? KnownSchool.Unnamed(school);

    /// <summary>Whether another student of the school (left ones too: numbers are for life) has the number.</summary>
    public static async Task<bool> NumberTaken(IQuerySession session, Guid school, string? number, Guid except, CancellationToken cancellation)
    {
        var value = number?.Trim();
        if (string.IsNullOrEmpty(value)) return false;
        return await session.Query<StudentState>()
            .AnyAsync(s => s.SchoolId == school && s.Id != except && !s.Deleted && s.StudentInformationNumber == value, cancellation);
    }

    /// <summary>Whether another active student of the school has the email (it becomes their username).</summary>
    public static async Task<bool> EmailTaken(IQuerySession session, Guid school, string? email, Guid except, CancellationToken cancellation)
    {
        var value = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value)) return false;
        return await session.Query<StudentState>()
            .AnyAsync(s => s.SchoolId == school && s.Id != except && !s.Deleted && s.DateLeft == null && s.Email == value, cancellation);
    }

    /// <summary>Every class (active or not) the student is in.</summary>
    public static async Task<IReadOnlyList<ClassState>> ClassesOf(IQuerySession session, Guid student, CancellationToken cancellation) =>
        await session.Query<ClassState>().Where(c => c.StudentIds.Contains(student)).OrderBy(c => c.Name).ToListAsync(cancellation);

    /// <summary>The students of the school in the active classes the teacher teaches there.</summary>
    public static async Task<Guid[]> StudentsTaughtBy(IQuerySession session, Guid school, Guid teacher, CancellationToken cancellation)
    {
        var lists = await session.Query<ClassState>()
            .Where(c => c.SchoolId == school && c.Active && c.TeacherIds.Contains(teacher))
            .Select(c => c.StudentIds)
            .ToListAsync(cancellation);
        return lists.SelectMany(s => s).Distinct().ToArray();
    }

    /// <summary>
    /// Appends the class side of a student's change to the session, to be saved with the student's own events in one
    /// transaction (or not at all when the student's decision refuses).
    /// </summary>
    public static async Task AppendToClass(this IDocumentSession session, Guid classId, Func<ClassState, object[]> decide,
        CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<ClassState>(classId, cancellation);
        if (stream.Aggregate is null) throw new NotFound(RosterAccess.ClassNotFound(classId));
        stream.AppendMany(decide(stream.Aggregate));
    }
}
