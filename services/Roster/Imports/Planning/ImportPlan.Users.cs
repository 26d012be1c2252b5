using System.Globalization;
using Portal.Roster.Contracts;
using Portal.Roster.Imports.OneRoster;
using Portal.Roster.Schools;
using Portal.Roster.Shared;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.Planning;

// users.csv: students are upserted through SyncStudent (source Import): sourcedId is their MIS id, identifier their
// student information number, the first of grades their year group ("10" is Y10), and enabledUser false or status
// tobedeleted means they have left. Teacher and administrator rows go to Identity, checked against the scope only.
public sealed partial class ImportPlan
{
    private sealed record AcceptedStudent(int Row, Guid Id, KnownSchool School);

    private sealed record UserPlan(List<PlannedRow> Rows, Dictionary<string, AcceptedStudent> Accepted);

    private UserPlan Users(ClassTable classes)
    {
        var enrolled = context.ClassScoped ? StudentsEnrolledIn(classes) : [];
        var accepted = new Dictionary<string, AcceptedStudent>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = set.Users.Select(row =>
        {
            PlannedRow Refused(string reason) => new(Row(OneRosterFiles.Users, row.Row, row.SourcedId, RowOutcome.Refused, reason));
            if (RowProblem(row.Problem, row.SourcedId, row.Status) is { } problem)
                return Refused(problem);
            if (seen.TryGetValue(row.SourcedId, out var same))
                return Refused($"The sourcedId '{row.SourcedId}' is also on row {same}.");
            seen[row.SourcedId] = row.Row;
            return row.IsStudent ? Student(row, enrolled, accepted)
                : row.IsStaff ? Staff(row)
                : Refused($"Role '{row.Role}' is not imported; only student, teacher and administrator rows are.");
        }).ToList();
        return new UserPlan(rows, accepted);
    }

    private PlannedRow Student(UserRow row, Dictionary<string, HashSet<Guid>> enrolled, Dictionary<string, AcceptedStudent> accepted)
    {
        PlannedRow Result(RowOutcome outcome, string? reason, Guid? id = null, PlannedWrite? write = null) =>
            new(Row(OneRosterFiles.Users, row.Row, row.SourcedId, outcome, reason, id), write);
        var (schools, refusal) = orgs.SchoolsOf(row.OrgSourcedIds, "orgSourcedIds");
        if (refusal is not null)
            return Result(RowOutcome.Refused, refusal);
        if (schools.Count > 1)
            return Result(RowOutcome.Refused,
                $"A student belongs to one school; orgSourcedIds names {schools.Count}: {Text.List(schools.Select(OrgDirectory.Named))}.");
        var school = schools[0];
        var id = RosterIds.Student(context.Organisation, school.Id, row.SourcedId);
        var existing = context.Students.GetValueOrDefault(id);
        if (context.ClassScoped)
        {
            if (!enrolled.TryGetValue(row.SourcedId, out var classSchools) || !classSchools.Contains(school.Id))
                return Result(RowOutcome.Refused,
                    "Teachers import only students enrolled in their classes; enrollments.csv enrols this student in none of yours.");
            if (existing is null && !school.Rules.TeacherStudentCreationAllowed)
                return Result(RowOutcome.Refused, $"{OrgDirectory.Named(school)} does not allow teachers to create students.");
        }
        var (yearGroup, yearGroupRefusal) = YearGroup(row.Grades, school);
        if (yearGroup is null)
            return Result(RowOutcome.Refused, yearGroupRefusal);
        var number = row.Identifier.Length == 0 ? null : row.Identifier;
        if (school.Rules.Check(number) is { } broken)
            return Result(RowOutcome.Refused, broken);
        bool? enabled = row.EnabledUser.ToLowerInvariant() switch { "" or "true" => true, "false" => false, _ => null };
        if (enabled is null)
            return Result(RowOutcome.Refused, $"enabledUser '{row.EnabledUser}' is neither true nor false.");

        var left = enabled == false || OneRosterStatus.IsToBeDeleted(row.Status);
        // A student who has left keeps the date they left on; a re-import must not move it to today.
        var dateLeft = left ? existing?.DateLeft ?? DateOnly.FromDateTime(context.At.UtcDateTime) : (DateOnly?)null;
        var command = new SyncStudent(id, school.Id, row.SourcedId, row.GivenName, row.FamilyName, yearGroup, row.Email, number, dateLeft,
            StudentSource.Import, context.EventActor, context.At);
        object[] events;
        try
        {
            events = Students.Student.Decide(command, existing);
        }
        catch (Exception e) when (e is ValidationFailed or RuleViolation)
        {
            return Result(RowOutcome.Refused, e.Message);
        }
        accepted[row.SourcedId] = new AcceptedStudent(row.Row, id, school);
        if (events.Length == 0)
            return Result(RowOutcome.Unchanged, null, id);
        var write = new StudentWrite(command, existing is not null);
        return existing is null
            ? Result(RowOutcome.Created, $"Enrolled at {OrgDirectory.Named(school)} in {yearGroup}{(left ? ", as left" : "")}.", id, write)
            : Result(RowOutcome.Updated, ImportChanges.OfStudent(events), id, write);
    }

    private PlannedRow Staff(UserRow row)
    {
        PlannedRow Result(RowOutcome outcome, string reason) => new(Row(OneRosterFiles.Users, row.Row, row.SourcedId, outcome, reason));
        if (context.ClassScoped)
            return Result(RowOutcome.Refused, "Teachers may not import staff accounts.");
        if (context.Actor.StaffType is null)
            return Result(RowOutcome.Refused, "Staff accounts are imported by a member of the organisation's staff, not by a platform operator.");
        var (schools, refusal) = orgs.SchoolsOf(row.OrgSourcedIds, "orgSourcedIds");
        if (refusal is not null)
            return Result(RowOutcome.Refused, refusal);
        staffRows.Add(new ImportedStaffRow(row.Row, row.SourcedId, row.Status, row.EnabledUser, string.Join(",", schools.Select(s => s.Id)),
            row.Role, row.GivenName, row.FamilyName, row.Email));
        return Result(RowOutcome.SentToIdentity, "Staff accounts are Identity's: it imports the row with its own rules.");
    }

    /// <summary>For a teacher's import: each student's active enrolments in the classes the teacher may import (by school).</summary>
    private Dictionary<string, HashSet<Guid>> StudentsEnrolledIn(ClassTable classes) => set.Enrollments
        .Where(e => e.Problem is null && e.RoleName == "student" && OneRosterStatus.IsActive(e.Status))
        .Select(e => (e.UserSourcedId, Class: classes.BySourcedId.GetValueOrDefault(e.ClassSourcedId)))
        .Where(e => e.Class is { Refusal: null })
        .GroupBy(e => e.UserSourcedId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Class!.School.Id).ToHashSet(), StringComparer.Ordinal);

    /// <summary>The school's year group for the first grade: as written ("Y10", "Year 10"), or a number as Yn ("10", "09").</summary>
    private static (string? YearGroup, string? Refusal) YearGroup(IReadOnlyList<string> grades, KnownSchool school)
    {
        if (grades.Count == 0)
            return (null, "grades is empty; a student needs a year group (10 for Y10).");
        var grade = grades[0];
        var numbered = int.TryParse(grade, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? $"Y{n}" : null;
        foreach (var candidate in new[] { grade, numbered }.OfType<string>())
        {
            var id = school.YearGroupIdFor(candidate);
            if (school.HasYearGroup(id)) return (id, null);
        }
        if (school.YearGroups.Count == 0)
            return (numbered ?? grade, null);
        return (null, $"grades '{grade}' is no year group of {OrgDirectory.Named(school)} "
                      + $"({string.Join(", ", school.YearGroups.Select(y => y.Id))}).");
    }
}
