using Marten;
using Portal.Identity.Institutions;
using Portal.Identity.Students.Classes;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Students.StartCards.Printing;

/// <summary>Print start cards for a school's students with enabled logins, narrowed to year groups and/or one class.</summary>
public sealed record PrintStartCards(Guid SchoolId, IReadOnlyList<string>? YearGroups = null, Guid? ClassId = null);

/// <summary>A student who gets a card, with what is printed on it apart from the code.</summary>
public sealed record CardHolder(Guid StudentId, string Name, string FamilyName, string Username);

/// <summary>
/// Which students a caller may print cards for, from Identity's own copies: logins (enabled only), Roster's students
/// and classes, Institution's school names. Whatever lies outside the caller's scope answers 404 like a stranger.
/// </summary>
public static class StartCardSelection
{
    public static async Task<(string School, CardHolder Holder)> OneAsync(IQuerySession session, HttpContext http, Guid studentId)
    {
        var cancellation = http.RequestAborted;
        var login = await session.LoadAsync<StudentLoginState>(studentId, cancellation);
        if (login is null || !http.GrantedScopeReaches(await StudentReach.ResourceOf(session, login, cancellation)))
            throw new NotFound($"Student {studentId} has no login here, or is not in your reach.");
        if (login is not { Enabled: true, Username: { } username })
            throw new RuleViolation($"Student {studentId} has no enabled login: start cards are printed only for students who may sign in.");

        var student = await session.LoadAsync<RosteredStudent>(studentId, cancellation);
        return (await SchoolNameAsync(session, login.SchoolId, cancellation) ?? "", Holder(login.Id, username, student));
    }

    public static async Task<(string School, IReadOnlyList<CardHolder> Holders)> ManyAsync(IQuerySession session, HttpContext http, PrintStartCards request)
    {
        var cancellation = http.RequestAborted;
        if (request.SchoolId == Guid.Empty)
            throw new ValidationFailed("schoolId", "Name the school whose students' cards to print.");
        var caller = PortalCaller.From(http.User);
        var school = request.SchoolId;
        var schoolName = await SchoolNameAsync(session, school, cancellation);
        // A teacher's or building administrator's scope starts at their own schools; an organisation's at all of them.
        if (http.GrantedScope() != Scope.Organisation && !caller.Institutions.Contains(school))
            throw new NotFound($"School {school} is not known here, or is not in your reach.");

        var classes = await ClassesOf(session, school, cancellation);
        var teachers = KnownClass.TeachersByStudent(classes);
        KnownClass? chosen = null;
        if (request.ClassId is { } classId)
        {
            chosen = classes.FirstOrDefault(c => c.Id == classId);
            if (chosen is null || !http.GrantedScopeReaches(ScopedResource.InClasses(school, chosen.TeacherIds)))
                throw new NotFound($"Class {classId} is not a class of school {school} known here, or is not in your reach.");
        }

        var logins = await session.Query<StudentLoginState>().Where(s => s.SchoolId == school && s.Enabled).ToListAsync(cancellation);
        if (schoolName is null && logins.Count == 0)
            throw new NotFound($"School {school} is not known here, or is not in your reach.");
        var students = (await session.LoadManyAsync<RosteredStudent>(cancellation, logins.Select(l => l.Id))).ToDictionary(s => s.Id);
        var yearGroups = (request.YearGroups ?? []).Select(y => y.Trim()).Where(y => y.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var holders = logins
            .Where(l => l.Username is not null)
            .Where(l => yearGroups.Count == 0 || (students.TryGetValue(l.Id, out var s) && yearGroups.Contains(s.YearGroup)))
            .Where(l => chosen is null || chosen.StudentIds.Contains(l.Id))
            .Where(l => http.GrantedScopeReaches(ScopedResource.InClasses(school, teachers[l.Id])))
            .Select(l => Holder(l.Id, l.Username!, students.GetValueOrDefault(l.Id)))
            .OrderBy(h => h.FamilyName, StringComparer.CurrentCultureIgnoreCase).ThenBy(h => h.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        if (holders.Count == 0)
            throw new RuleViolation("No student with an enabled login matches: " + Describe(request, yearGroups, chosen)
                + ". Start cards are printed only for students who may sign in (their school has student logins on for their year group and the MIS gave them an email).");
        return (schoolName ?? "", holders);
    }

    static string Describe(PrintStartCards request, IReadOnlySet<string> yearGroups, KnownClass? chosen) =>
        string.Join(", ", new[]
        {
            $"school {request.SchoolId}",
            yearGroups.Count > 0 ? $"year groups {string.Join(", ", yearGroups.Order())}" : null,
            chosen is not null ? $"class {chosen.Name}" : null,
            "within your reach",
        }.OfType<string>());

    static CardHolder Holder(Guid id, string username, RosteredStudent? student) =>
        new(id, student?.DisplayName is { Length: > 0 } name ? name : username, student?.FamilyName ?? "", username);

    static async Task<IReadOnlyList<KnownClass>> ClassesOf(IQuerySession session, Guid school, CancellationToken cancellation) =>
        await session.Query<KnownClass>().Where(c => c.SchoolId == school).ToListAsync(cancellation);

    static async Task<string?> SchoolNameAsync(IQuerySession session, Guid school, CancellationToken cancellation) =>
        (await session.Query<KnownSchool>().Where(s => s.SchoolId == school).ToListAsync(cancellation)).MaxBy(s => s.Revision)?.Name;
}
