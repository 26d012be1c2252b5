using System.Globalization;
using Marten;
using Portal.AccessCode.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Bulk.Enabling;

/// <summary>The body of POST /bulk. Mode is read as text so a wrong value is reported against its field.</summary>
public sealed record BulkEnableRequest(Guid? SchoolId, IReadOnlyList<string?>? YearGroups, Guid? ClassId, string? Mode);

/// <summary>
/// Which students a bulk request covers: a school's students still on its roll, narrowed to year groups and/or one
/// class (both given: students in both), in letter order (family name, then given name).
/// </summary>
public sealed record BulkSelection(Guid SchoolId, IReadOnlyList<string> YearGroups, Guid? ClassId, BulkMode Mode)
{
    private static readonly StringComparer LetterOrder = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    /// <summary>The request's fields checked together, so one answer lists every field that is wrong.</summary>
    public static BulkSelection From(BulkEnableRequest? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.SchoolId is not { } school || school == Guid.Empty)
            errors["schoolId"] = ["schoolId is required: the school whose students get access codes."];

        var yearGroups = (body?.YearGroups ?? []).Select(y => y?.Trim() ?? "").ToList();
        if (yearGroups.Any(y => y.Length == 0))
            errors["yearGroups"] = ["yearGroups must not contain blank entries; leave the list out to cover every year group."];

        var mode = BulkMode.MissingOnly;
        if (!string.IsNullOrWhiteSpace(body?.Mode))
        {
            // By name only: Enum.TryParse would also take "1".
            var named = Enum.GetNames<BulkMode>().FirstOrDefault(n => n.Equals(body.Mode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (named is null)
                errors["mode"] = [$"mode must be {nameof(BulkMode.MissingOnly)} or {nameof(BulkMode.ResetAll)}; got '{body.Mode}'."];
            else mode = Enum.Parse<BulkMode>(named);
        }

        if (errors.Count > 0) throw new ValidationFailed(errors);
        return new BulkSelection(body!.SchoolId!.Value, yearGroups.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            body.ClassId, mode);
    }

    /// <summary>The selected students in letter order. The class must be one of the school's (else 400).</summary>
    public async Task<IReadOnlyList<KnownStudent>> StudentsAsync(IQuerySession session, CancellationToken cancellation)
    {
        HashSet<Guid>? members = null;
        if (ClassId is { } classId)
        {
            var known = await session.LoadAsync<KnownClass>(classId, cancellation);
            if (known is null || known.SchoolId != SchoolId)
                throw new ValidationFailed("classId", $"Class {classId} is not a class of school {SchoolId}.");
            members = [.. known.StudentIds];
        }

        var onRoll = await session.Query<KnownStudent>()
            .Where(s => s.SchoolId == SchoolId && !s.Left && !s.Deleted)
            .ToListAsync(cancellation);
        var yearGroups = YearGroups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return onRoll
            .Where(s => yearGroups.Count == 0 || yearGroups.Contains(s.YearGroup.Trim()))
            .Where(s => members is null || members.Contains(s.Id))
            .OrderBy(s => s.FamilyName, LetterOrder).ThenBy(s => s.GivenName, LetterOrder).ThenBy(s => s.Id)
            .ToList();
    }

    /// <summary>Why nothing was selected, in the caller's terms.</summary>
    public string NothingSelected()
    {
        var narrowing = new List<string>();
        if (YearGroups.Count > 0) narrowing.Add($"in year group {Text.List(YearGroups, "or")}");
        if (ClassId is { } classId) narrowing.Add($"in class {classId}");
        return $"No students match: school {SchoolId} has no students on its roll{(narrowing.Count > 0 ? " " + string.Join(" and ", narrowing) : "")}.";
    }
}
