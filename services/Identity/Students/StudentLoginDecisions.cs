using Marten;
using Portal.Identity.Accounts;

namespace Portal.Identity.Students;

/// <summary>
/// Re-decides a set of students in the caller's session (one organisation), appending only where the outcome
/// changes. The session's inline projections move the sign-in names in the same transaction.
/// </summary>
public static class StudentLoginDecisions
{
    public static Task ReDecideAsync(
        IDocumentSession session, Guid organisationId, IReadOnlyCollection<RosteredStudent> students,
        IReadOnlyDictionary<Guid, SchoolLoginSettings> schools, DateTimeOffset at, CancellationToken cancellation) =>
        ReDecideAsync(session, organisationId, [.. students.Select(s => (s, at))], schools, cancellation);

    /// <param name="changes">Each student with the moment their change happened, which their login events carry.</param>
    public static async Task ReDecideAsync(
        IDocumentSession session, Guid organisationId, IReadOnlyCollection<(RosteredStudent Student, DateTimeOffset At)> changes,
        IReadOnlyDictionary<Guid, SchoolLoginSettings> schools, CancellationToken cancellation)
    {
        var students = changes.Select(c => c.Student).ToList();
        if (students.Count == 0)
            return;
        var states = (await session.LoadManyAsync<StudentLoginState>(cancellation, students.Select(s => s.Id)))
            .ToDictionary(s => s.Id);
        var usernames = students.Select(s => StudentLogin.Username(s.Email)).Where(u => u.Length > 0).Distinct().ToArray();
        var holders = (await session.LoadManyAsync<SignInName>(cancellation, usernames))
            .ToDictionary(n => n.Id, n => n.AccountId);

        foreach (var (student, at) in changes)
        {
            var username = StudentLogin.Username(student.Email);
            var taken = holders.TryGetValue(username, out var holder) && holder != student.Id;
            var command = new DecideStudentLogin(organisationId, student, schools.GetValueOrDefault(student.SchoolId), taken, at);
            if (StudentLogin.Decide(command, states.GetValueOrDefault(student.Id)).Length == 0)
                continue;

            var stream = await session.Events.FetchForWriting<StudentLoginState>(student.Id, cancellation);
            var events = StudentLogin.Decide(command, stream.Aggregate);
            stream.AppendMany(events);
            // Two students of one batch with the same email: the first takes it, the second is withheld.
            if (events.Any(e => e is StudentLoginEnabled or StudentUsernameChanged))
                holders[username] = student.Id;
        }
    }
}
