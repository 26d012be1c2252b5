using System.Globalization;
using Portal.Roster.Contracts;

namespace Portal.MisSync.OneRoster;

/// <summary>
/// A school's roll read from a OneRoster 1.1 CSV folder: users.csv rows with role student become student records;
/// classes.csv with enrollments.csv (when present) become classes with their students' MIS ids and their teachers'
/// emails from users.csv. The MIS id is the OneRoster sourcedId.
/// </summary>
public sealed record OneRosterRoll(IReadOnlyList<MisStudentRecord> Students, IReadOnlyList<OneRosterClass> Classes, IReadOnlyList<string> Skipped)
{
    public const string Users = "users.csv";
    public const string ClassesFile = "classes.csv";
    public const string Enrollments = "enrollments.csv";

    /// <param name="orgSourcedId">When given, only rows of that OneRoster org (the school in a multi-school export).</param>
    /// <param name="today">The day a disabled or to-be-deleted student is taken to have left.</param>
    public static OneRosterRoll Read(string folder, string? orgSourcedId, DateOnly today)
    {
        var users = OneRosterFile.Read(folder, Users, "sourcedId", "status", "enabledUser", "orgSourcedIds", "role", "givenName",
            "familyName", "identifier", "email", "grades");
        var skipped = new List<string>();
        var students = new List<MisStudentRecord>();
        foreach (var row in users.Rows.Where(r => IsRole(r, "student") && InOrg(r.List("orgSourcedIds"), orgSourcedId)))
        {
            if (YearGroupOf(row.List("grades")) is not { } yearGroup)
            {
                skipped.Add($"{Users} line {row.Line}: student '{row["sourcedId"]}' has no grade, so no year group.");
                continue;
            }
            var left = row.ToBeDeleted || row["enabledUser"].Equals("false", StringComparison.OrdinalIgnoreCase) ? today : (DateOnly?)null;
            students.Add(new MisStudentRecord(row["sourcedId"], row["givenName"], row["familyName"], yearGroup, Blank(row["email"]),
                Blank(row["identifier"]), left));
        }

        if (!OneRosterFile.Exists(folder, ClassesFile))
            return new OneRosterRoll(students, [], skipped);
        var classes = OneRosterFile.Read(folder, ClassesFile, "sourcedId", "status", "title", "schoolSourcedId", "subjects");
        var enrollments = OneRosterFile.Read(folder, Enrollments, "sourcedId", "status", "classSourcedId", "schoolSourcedId", "userSourcedId", "role");
        var emails = users.Rows.Where(r => r["email"].Length > 0).GroupBy(r => r["sourcedId"]).ToDictionary(g => g.Key, g => g.First()["email"]);
        var members = enrollments.Rows.Where(r => !r.ToBeDeleted && (orgSourcedId is null || r["schoolSourcedId"] == orgSourcedId))
            .ToLookup(r => r["classSourcedId"]);

        var result = new List<OneRosterClass>();
        foreach (var row in classes.Rows.Where(r => orgSourcedId is null || r["schoolSourcedId"] == orgSourcedId))
        {
            var enrolled = members[row["sourcedId"]].ToList();
            var teachers = enrolled.Where(e => IsRole(e, "teacher")).Select(e => e["userSourcedId"]).Distinct().ToList();
            var withoutEmail = teachers.Count(t => !emails.ContainsKey(t));
            if (withoutEmail > 0)
                skipped.Add($"{ClassesFile} line {row.Line}: {withoutEmail} teacher(s) of class '{row["sourcedId"]}' have no email in {Users}.");
            result.Add(new OneRosterClass(row["sourcedId"], row["title"], row.List("subjects").FirstOrDefault(), !row.ToBeDeleted,
                enrolled.Where(e => IsRole(e, "student")).Select(e => e["userSourcedId"]).Distinct().ToList(),
                teachers.Where(emails.ContainsKey).Select(t => emails[t]).ToList()));
        }
        return new OneRosterRoll(students, result, skipped);
    }

    /// <summary>
    /// OneRoster grades are numbers ("10", "09") or codes; a UK MIS export gives the school's own year numbers, so
    /// grade N is year group "YN", and "KG" (kindergarten) is Reception ("R"). Anything else is sent as it is and
    /// Roster matches it against the school's year-group ids and names ("Year 10", "N1"). The first grade counts.
    /// </summary>
    public static string? YearGroupOf(IReadOnlyList<string> grades)
    {
        var grade = grades.FirstOrDefault();
        if (grade is null) return null;
        if (int.TryParse(grade, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return $"Y{year}";
        return grade.Equals("KG", StringComparison.OrdinalIgnoreCase) ? "R" : grade;
    }

    private static bool IsRole(OneRosterRow row, string role) => row["role"].Equals(role, StringComparison.OrdinalIgnoreCase);

    private static bool InOrg(IReadOnlyList<string> orgs, string? org) => org is null || orgs.Contains(org, StringComparer.Ordinal);

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

/// <summary>A OneRoster class with its students' sourcedIds and its teachers' emails.</summary>
public sealed record OneRosterClass(string SourcedId, string Title, string? Subject, bool Active, IReadOnlyList<string> StudentSourcedIds,
    IReadOnlyList<string> TeacherEmails);
