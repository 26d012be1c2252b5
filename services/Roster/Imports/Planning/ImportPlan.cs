using Portal.Roster.Contracts;
using Portal.Roster.Imports.OneRoster;
using Portal.Roster.Schools;
using Portal.Roster.Shared;
using Portal.Roster.Staff;

namespace Portal.Roster.Imports.Planning;

/// <summary>
/// Decides every row of a OneRoster set against the roster as read once (<see cref="ImportContext"/>), through the
/// student and class deciders, without writing: the dry run reports these decisions and the apply writes them. Pure.
/// Students are upserted by (school, sourcedId) and classes by (school, sourcedId) through their derived ids, so the
/// same file imported again changes nothing. Staff rows are Identity's: they are only checked against the scope here.
/// </summary>
public sealed partial class ImportPlan
{
    private readonly ImportContext context;
    private readonly OneRosterSet set;
    private readonly OrgDirectory orgs;
    private readonly Dictionary<string, UserRow> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownStaff> staffByEmail;
    private readonly List<ImportedStaffRow> staffRows = [];

    private ImportPlan(OneRosterSet set, ImportContext context)
    {
        this.set = set;
        this.context = context;
        orgs = new OrgDirectory(set.Orgs, context.Schools, context);
        foreach (var user in set.Users.Where(u => u.SourcedId.Length > 0))
            users.TryAdd(user.SourcedId, user);
        staffByEmail = context.Staff.Where(s => s.Active).GroupBy(s => s.Email, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public static ImportPlanResult Decide(OneRosterSet set, ImportContext context)
    {
        var plan = new ImportPlan(set, context);
        var classes = plan.ClassesInScope();
        var students = plan.Users(classes);
        var enrollments = plan.Enrollments(classes, students.Accepted);
        var classRows = plan.ClassRows(classes);
        return new ImportPlanResult([.. plan.orgs.Rows, .. students.Rows, .. classRows, .. enrollments], plan.staffRows);
    }

    /// <summary>
    /// The student and class ids the set can name (one per school its rows resolve to), for loading them before
    /// <see cref="Decide"/>. Rows that resolve to no school name none.
    /// </summary>
    public static (IReadOnlyList<Guid> Students, IReadOnlyList<Guid> Classes) Referenced(OneRosterSet set, ImportContext context)
    {
        var directory = new OrgDirectory(set.Orgs, context.Schools, context);
        var students = set.Users.Where(u => u.IsStudent && u.SourcedId.Length > 0)
            .SelectMany(u => directory.SchoolsOf(u.OrgSourcedIds, "orgSourcedIds").Schools
                .Select(s => RosterIds.Student(context.Organisation, s.Id, u.SourcedId)));
        var classes = set.Classes.Where(c => c.SourcedId.Length > 0)
            .SelectMany(c => directory.SchoolsOf([c.SchoolSourcedId], "schoolSourcedId").Schools
                .Select(s => RosterIds.Class(context.Organisation, s.Id, c.SourcedId)));
        return (students.Distinct().ToList(), classes.Distinct().ToList());
    }

    /// <summary>Why a row cannot be taken at all (unreadable, no sourcedId, unknown status), or null.</summary>
    public static string? RowProblem(string? problem, string sourcedId, string status) =>
        problem ?? (sourcedId.Length == 0 ? "The row has no sourcedId."
            : !OneRosterStatus.IsKnown(status) ? $"The row's {OneRosterStatus.Unknown(status)}" : null);

    private static ImportRowResult Row(string file, int row, string sourcedId, RowOutcome outcome, string? reason = null, Guid? id = null) =>
        new(file, row, sourcedId, outcome, reason, id);

    private static string Email(string email) => email.Trim().ToLowerInvariant();
}
