using Portal.Roster.Classes;
using Portal.Roster.Imports.OneRoster;
using Portal.Roster.Schools;
using Portal.Roster.Shared;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.Planning;

// classes.csv: a class of a school the uploader reaches, upserted with its whole membership from enrollments.csv
// (SyncClass: what the file leaves out of a class it names goes). A teacher's import takes only classes they teach
// now, or new ones the file enrols them in as teacher, and never changes who else teaches them.
public sealed partial class ImportPlan
{
    private sealed class ClassEntry(ClassRow row)
    {
        public ClassRow Row { get; } = row;
        public string? Refusal { get; set; }
        public KnownSchool School { get; set; } = null!;
        public Guid Id { get; set; }
        public ClassState? Existing { get; set; }
        public string Name { get; set; } = "";
        public string? Subject { get; set; }
        public List<Guid> Students { get; } = [];
        public List<Guid> Teachers { get; } = [];
        public List<string> Awaited { get; } = [];
    }

    private sealed record ClassTable(IReadOnlyList<ClassEntry> All, IReadOnlyDictionary<string, ClassEntry> BySourcedId);

    private ClassTable ClassesInScope()
    {
        var teaching = context.ClassScoped ? ClassesEnrollingCaller() : [];
        var all = new List<ClassEntry>();
        var bySourcedId = new Dictionary<string, ClassEntry>(StringComparer.Ordinal);
        foreach (var row in set.Classes)
        {
            var entry = new ClassEntry(row);
            entry.Refusal = ClassRefusal(entry, bySourcedId, teaching);
            if (row.SourcedId.Length > 0) bySourcedId.TryAdd(row.SourcedId, entry);
            all.Add(entry);
        }
        return new ClassTable(all, bySourcedId);
    }

    private string? ClassRefusal(ClassEntry entry, Dictionary<string, ClassEntry> earlier, HashSet<string> teaching)
    {
        var row = entry.Row;
        if (RowProblem(row.Problem, row.SourcedId, row.Status) is { } problem)
            return problem;
        if (earlier.TryGetValue(row.SourcedId, out var same))
            return $"The sourcedId '{row.SourcedId}' is also on row {same.Row.Row}.";
        var (schools, refusal) = orgs.SchoolsOf([row.SchoolSourcedId], "schoolSourcedId");
        if (refusal is not null)
            return refusal;
        try
        {
            entry.Name = Class.ValidName(row.Title);
            entry.Subject = Class.ValidSubject(string.Join(", ", row.Subjects));
        }
        catch (ValidationFailed e)
        {
            return e.Message;
        }
        entry.School = schools[0];
        entry.Id = RosterIds.Class(context.Organisation, entry.School.Id, row.SourcedId);
        entry.Existing = context.Classes.GetValueOrDefault(entry.Id);
        if (!context.ClassScoped)
            return null;
        if (entry.Existing is { } existing && !existing.TeacherIds.Contains(context.Actor.Id))
            return $"{existing.Name} is not one of your classes.";
        return teaching.Contains(row.SourcedId) ? null
            : "Teachers import only their own classes; enrollments.csv does not enrol you as a teacher of this class.";
    }

    private static string Counted(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";

    /// <summary>The classes whose active teacher enrolments name the uploader (by their users.csv email).</summary>
    private HashSet<string> ClassesEnrollingCaller() => set.Enrollments
        .Where(e => e.Problem is null && e.RoleName == "teacher" && OneRosterStatus.IsActive(e.Status)
                    && users.TryGetValue(e.UserSourcedId, out var user) && user.IsStaff && user.Problem is null
                    && staffByEmail.TryGetValue(Email(user.Email), out var staff) && staff.Id == context.Actor.Id)
        .Select(e => e.ClassSourcedId)
        .ToHashSet(StringComparer.Ordinal);

    private List<PlannedRow> ClassRows(ClassTable classes) => classes.All.Select(entry =>
    {
        var row = entry.Row;
        PlannedRow Result(RowOutcome outcome, string? reason, PlannedWrite? write = null) =>
            new(Row(OneRosterFiles.Classes, row.Row, row.SourcedId, outcome, reason, entry.Refusal is null ? entry.Id : null), write);
        if (entry.Refusal is { } refusal)
            return Result(RowOutcome.Refused, refusal);

        var existing = entry.Existing;
        var (teachers, awaited) = context.ClassScoped
            ? ((existing?.TeacherIds ?? []).Append(context.Actor.Id).Distinct().ToList(), (existing?.AwaitedTeacherEmails ?? []).ToList())
            : (entry.Teachers, entry.Awaited);
        var command = new SyncClass(entry.Id, entry.School.Id, row.SourcedId, entry.Name, entry.Subject,
            Active: !OneRosterStatus.IsToBeDeleted(row.Status), entry.Students, teachers, awaited, ClassSource.Import, context.EventActor,
            context.At);
        object[] events;
        try
        {
            events = Class.Decide(command, existing);
        }
        catch (Exception e) when (e is ValidationFailed or RuleViolation)
        {
            return Result(RowOutcome.Refused, e.Message);
        }
        if (events.Length == 0)
            return Result(RowOutcome.Unchanged, null);
        var write = new ClassWrite(command, existing is not null);
        return existing is null
            ? Result(RowOutcome.Created, $"At {OrgDirectory.Named(entry.School)}, with {Counted(entry.Students.Count, "student")} and "
                                         + $"{Counted(teachers.Count + awaited.Count, "teacher")}.", write)
            : Result(RowOutcome.Updated, ImportChanges.OfClass(events), write);
    }).ToList();
}
