using System.Text.RegularExpressions;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Organisations;

/// <summary>
/// One term of an organisation's calendar. Both dates are inclusive: a term ending on 2026-12-20 and one starting
/// on 2026-12-21 are adjacent, not overlapping. Billing counts student logins per term id.
/// </summary>
public sealed partial record Term(string Id, string Name, DateOnly Start, DateOnly End)
{
    public const int MaxIdLength = 40;
    public const int MaxNameLength = 100;

    public bool Overlaps(Term other) => Start <= other.End && other.Start <= End;

    /// <summary>"'Autumn 2026' (2026-09-01 to 2026-12-20)", as refusals name a term.</summary>
    public string Describe() => $"'{Name}' ({Text.Date(Start)} to {Text.Date(End)})";

    /// <summary>
    /// Term ids are lowercase slugs "yyyy-name" (e.g. "2026-autumn", "2027-summer-2"), where yyyy is the calendar year
    /// the term starts in, so an id alone says when the term is.
    /// </summary>
    [GeneratedRegex("^(?<year>[0-9]{4})-[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex IdPattern();
}
