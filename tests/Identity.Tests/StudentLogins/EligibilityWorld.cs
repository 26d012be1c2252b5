using Portal.Identity.Students;
using Portal.Institution.Contracts;
using Portal.Roster.Contracts;
using Portal.Testing;

namespace Portal.Identity.Tests.StudentLogins;

/// <summary>
/// Identity's eligibility in memory, the way its consumers run it: each message updates the local copy (newest version
/// wins), then the affected students are re-decided against their account's events, rebuilt through Create/Apply.
/// Sign-in names are tracked as the inline projection keeps them. Records what each message produced.
/// </summary>
public sealed class EligibilityWorld
{
    public static readonly Guid Organisation = Guid.NewGuid();
    public static readonly DateTimeOffset At = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    readonly Dictionary<Guid, SchoolLoginSettings> schools = [];
    readonly Dictionary<Guid, RosteredStudent> students = [];
    readonly Dictionary<Guid, List<object>> streams = [];
    readonly Dictionary<string, Guid> signInNames = [];

    /// <summary>Another account (staff, guardian) already signs in with this email.</summary>
    public void TakenByAnotherAccount(string email) => signInNames[email.ToLowerInvariant()] = Guid.NewGuid();

    public IReadOnlyList<object> EventsOf(Guid student) => streams.GetValueOrDefault(student) ?? [];

    public IReadOnlyList<object> Receive(StudentLoginsConfigured message)
    {
        if (SchoolLoginSettings.Newer(schools.GetValueOrDefault(message.InstitutionId), message) is not { } settings)
            return [];
        schools[settings.Id] = settings;
        return students.Values.Where(s => s.SchoolId == settings.Id).OrderBy(s => s.Id).SelectMany(s => Decide(s, message.At)).ToList();
    }

    public IReadOnlyList<object> Receive(RosterStudentChanged message)
    {
        if (RosteredStudent.Newer(students.GetValueOrDefault(message.StudentId), message) is not { } student)
            return [];
        students[student.Id] = student;
        return Decide(student, message.At);
    }

    object[] Decide(RosteredStudent student, DateTimeOffset at)
    {
        var history = streams.GetValueOrDefault(student.Id) ?? [];
        var state = history.Count == 0 ? null : DeciderSpec<StudentLoginState>.StateAfter([.. history]);
        var username = StudentLogin.Username(student.Email);
        var taken = signInNames.TryGetValue(username, out var holder) && holder != student.Id;
        var events = StudentLogin.Decide(
            new DecideStudentLogin(Organisation, student, schools.GetValueOrDefault(student.SchoolId), taken, at), state);
        foreach (var e in events)
        {
            if (e is StudentLoginDisabled or StudentUsernameChanged)
                foreach (var name in signInNames.Where(n => n.Value == student.Id).ToList())
                    signInNames.Remove(name.Key);
            if (e is StudentLoginEnabled { Username: var enabled })
                signInNames.Add(enabled, student.Id);
            if (e is StudentUsernameChanged { Username: var changed })
                signInNames.Add(changed, student.Id);
        }
        streams[student.Id] = [.. history, .. events];
        return events;
    }

    public static StudentLoginsConfigured Setting(Guid school, bool enabled, long version, params string[] yearGroups) =>
        new(Organisation, school, enabled, yearGroups, version, At.AddDays(version));

    public static RosterStudentChanged Student(
        Guid id, Guid school, string yearGroup, string? email, long version, bool left = false, bool deleted = false) =>
        new(Organisation, id, school, "MIS-1", "Ada", "Lovelace", yearGroup, email, left, deleted, version, At.AddDays(version));
}
