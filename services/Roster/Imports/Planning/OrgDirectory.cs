using Portal.Roster.Imports.OneRoster;
using Portal.Roster.Schools;

namespace Portal.Roster.Imports.Planning;

/// <summary>
/// orgs.csv as this organisation's schools: an org row names a school by sourcedId (the school's id) or identifier
/// (the school's code). Other rows of the set name orgs by their sourcedId in orgs.csv. A district or other org that
/// is not a school is left alone; a school row that names no school of the organisation, or one outside the
/// uploader's scope, is refused, and so is every row that names it.
/// </summary>
public sealed class OrgDirectory
{
    private sealed record Entry(int Row, KnownSchool? School, string? Refusal);

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public IReadOnlyList<PlannedRow> Rows { get; }

    public OrgDirectory(IReadOnlyList<OrgRow> orgs, IReadOnlyList<KnownSchool> schools, ImportContext context)
    {
        var byId = schools.ToDictionary(s => s.Id);
        var byCode = schools.Where(s => s.Code.Length > 0).GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Rows = orgs.Select(row => Plan(row, byId, byCode, context)).ToList();
    }

    private PlannedRow Plan(OrgRow row, Dictionary<Guid, KnownSchool> byId, Dictionary<string, KnownSchool> byCode, ImportContext context)
    {
        PlannedRow Result(RowOutcome outcome, string? reason, Guid? id = null) =>
            new(new ImportRowResult(OneRosterFiles.Orgs, row.Row, row.SourcedId, outcome, reason, id));
        if (ImportPlan.RowProblem(row.Problem, row.SourcedId, row.Status) is { } problem)
            return Result(RowOutcome.Refused, problem);
        if (entries.TryGetValue(row.SourcedId, out var same))
            return Result(RowOutcome.Refused, $"The sourcedId '{row.SourcedId}' is also on row {same.Row}.");

        var school = Guid.TryParse(row.SourcedId, out var id) && byId.TryGetValue(id, out var found) ? found
            : row.Identifier.Length > 0 ? byCode.GetValueOrDefault(row.Identifier) : null;
        if (school is null)
        {
            if (!row.Type.Equals("school", StringComparison.OrdinalIgnoreCase))
            {
                entries[row.SourcedId] = new Entry(row.Row, null, null);
                return Result(RowOutcome.Unchanged, $"A {(row.Type.Length == 0 ? "org" : row.Type)} is not imported; schools are named by their own rows.");
            }
            var refusal = $"No school of this organisation has the id '{row.SourcedId}' or the code '{row.Identifier}'.";
            entries[row.SourcedId] = new Entry(row.Row, null, $"orgs.csv row {row.Row} ('{row.SourcedId}') names no school of this organisation.");
            return Result(RowOutcome.Refused, refusal);
        }
        if (!context.ReachesSchool(school.Id))
        {
            entries[row.SourcedId] = new Entry(row.Row, school, NotYours(school));
            return Result(RowOutcome.Refused, NotYours(school), school.Id);
        }
        entries[row.SourcedId] = new Entry(row.Row, school, null);
        return Result(RowOutcome.Unchanged, $"{Named(school)}.", school.Id);
    }

    public static string NotYours(KnownSchool school) => $"{Named(school)} is not your school.";

    /// <summary>A school's name for a reason (its id until Institution has told its name).</summary>
    public static string Named(KnownSchool school) => school.Name.Length > 0 ? school.Name : $"School {school.Id}";

    /// <summary>The schools that org sourcedIds name, or why the row naming them is refused.</summary>
    public (IReadOnlyList<KnownSchool> Schools, string? Refusal) SchoolsOf(IEnumerable<string> orgSourcedIds, string column)
    {
        var schools = new List<KnownSchool>();
        foreach (var org in orgSourcedIds)
        {
            if (!entries.TryGetValue(org, out var entry))
                return ([], $"{column} names '{org}', which orgs.csv does not define.");
            if (entry.Refusal is { } refusal)
                return ([], refusal);
            if (entry.School is { } school && schools.All(s => s.Id != school.Id))
                schools.Add(school);
        }
        return schools.Count == 0 ? ([], $"{column} names no school.") : (schools, null);
    }
}
