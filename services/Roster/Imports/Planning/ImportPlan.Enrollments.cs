using Portal.Roster.Imports.OneRoster;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.Planning;

// enrollments.csv: who is in each class. A student enrolment needs the student's row taken (same school as the
// class); a teacher enrolment names a staff account by the users.csv email, or leaves the class awaiting one.
public sealed partial class ImportPlan
{
    private List<PlannedRow> Enrollments(ClassTable classes, IReadOnlyDictionary<string, AcceptedStudent> students)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string Class, string User), int>();
        return set.Enrollments.Select(row =>
        {
            var (outcome, reason, id) = Enrollment(row, classes, students, seen, pairs);
            return new PlannedRow(Row(OneRosterFiles.Enrollments, row.Row, row.SourcedId, outcome, reason, id));
        }).ToList();
    }

    private (RowOutcome, string?, Guid?) Enrollment(EnrollmentRow row, ClassTable classes,
        IReadOnlyDictionary<string, AcceptedStudent> students, Dictionary<string, int> seen, Dictionary<(string, string), int> pairs)
    {
        (RowOutcome, string?, Guid?) Refused(string reason) => (RowOutcome.Refused, reason, null);
        if (RowProblem(row.Problem, row.SourcedId, row.Status) is { } problem)
            return Refused(problem);
        if (seen.TryGetValue(row.SourcedId, out var same))
            return Refused($"The sourcedId '{row.SourcedId}' is also on row {same}.");
        seen[row.SourcedId] = row.Row;
        if (row.RoleName is not ("student" or "teacher"))
            return Refused($"Role '{row.Role}' is not imported; only student and teacher enrolments are.");
        if (!classes.BySourcedId.TryGetValue(row.ClassSourcedId, out var entry))
            return Refused($"classSourcedId '{row.ClassSourcedId}' is not in classes.csv.");
        if (entry.Refusal is not null)
            return Refused($"The class's row (classes.csv row {entry.Row.Row}) was refused.");
        if (row.SchoolSourcedId.Length > 0)
        {
            var (schools, refusal) = orgs.SchoolsOf([row.SchoolSourcedId], "schoolSourcedId");
            if (refusal is not null)
                return Refused(refusal);
            if (schools[0].Id != entry.School.Id)
                return Refused($"schoolSourcedId names {OrgDirectory.Named(schools[0])}, not the class's school ({OrgDirectory.Named(entry.School)}).");
        }
        if (!users.TryGetValue(row.UserSourcedId, out var user))
            return Refused($"userSourcedId '{row.UserSourcedId}' is not in users.csv.");
        if (pairs.TryGetValue((row.ClassSourcedId, row.UserSourcedId), out var pair))
            return Refused($"Row {pair} enrols the same user in this class.");
        pairs[(row.ClassSourcedId, row.UserSourcedId)] = row.Row;

        var active = OneRosterStatus.IsActive(row.Status);
        var (outcome, reason) = row.RoleName == "student"
            ? StudentEnrolment(user, entry, students, active)
            : TeacherEnrolment(user, entry, active);
        return (outcome, reason, outcome == RowOutcome.Refused ? null : entry.Id);
    }

    private static (RowOutcome, string?) StudentEnrolment(UserRow user, ClassEntry entry,
        IReadOnlyDictionary<string, AcceptedStudent> students, bool active)
    {
        if (!user.IsStudent)
            return (RowOutcome.Refused, $"users.csv row {user.Row} is a {user.Role}, not a student.");
        if (!students.TryGetValue(user.SourcedId, out var student) || student.Row != user.Row)
            return (RowOutcome.Refused, $"The student's row (users.csv row {user.Row}) was refused.");
        if (student.School.Id != entry.School.Id)
            return (RowOutcome.Refused,
                $"The student is at {OrgDirectory.Named(student.School)}; the class is at {OrgDirectory.Named(entry.School)}.");
        var member = entry.Existing?.StudentIds.Contains(student.Id) == true;
        if (!active)
            return member ? (RowOutcome.Updated, "Leaves the class.") : (RowOutcome.Unchanged, "Not in the class.");
        entry.Students.Add(student.Id);
        return member ? (RowOutcome.Unchanged, null) : (RowOutcome.Created, "Joins the class.");
    }

    private (RowOutcome, string?) TeacherEnrolment(UserRow user, ClassEntry entry, bool active)
    {
        if (!user.IsStaff)
            return (RowOutcome.Refused, $"users.csv row {user.Row} is a {user.Role}, not a teacher.");
        var email = TeacherEmail(user);
        if (user.Problem is not null || email is null)
            return (RowOutcome.Refused, $"users.csv row {user.Row} gives no email to find the teacher's staff account by.");
        var known = staffByEmail.GetValueOrDefault(email);
        var member = known is not null
            ? entry.Existing?.TeacherIds.Contains(known.Id) == true
            : entry.Existing?.AwaitedTeacherEmails.Contains(email) == true;

        if (context.ClassScoped)
        {
            if (known?.Id == context.Actor.Id)
                return active ? (member ? (RowOutcome.Unchanged, null) : (RowOutcome.Created, "You teach the class."))
                    : (RowOutcome.Refused, "Teachers do not unassign themselves through an import.");
            return active == member
                ? (RowOutcome.Unchanged, "A teacher's import leaves the class's other teachers as they are.")
                : (RowOutcome.Refused, "Teachers may not assign or unassign other teachers.");
        }
        if (!active)
            return member ? (RowOutcome.Updated, "No longer teaches the class.") : (RowOutcome.Unchanged, "Does not teach the class.");
        if (known is not null) entry.Teachers.Add(known.Id);
        else entry.Awaited.Add(email);
        return member ? (RowOutcome.Unchanged, null)
            : (RowOutcome.Created, known is not null ? $"{known.Name} teaches the class."
                : $"No staff account has the email {email} yet; the class awaits one.");
    }

    private static string? TeacherEmail(UserRow user)
    {
        try
        {
            return Students.Student.ValidEmail(user.Email);
        }
        catch (ValidationFailed)
        {
            return null;
        }
    }
}
