using Portal.Institution.Contracts;

namespace Portal.Roster.Dashboard;

/// <summary>
/// How the dashboard answers the student portal's pages (Institution.Contracts' StudentPortalPages): Roster fills the
/// ones it holds data for, links to the ones served elsewhere, and answers any other visible page as an empty section.
/// </summary>
public static class DashboardPages
{
    public const string Dashboard = StudentPortalPages.Dashboard;
    public const string Timetable = StudentPortalPages.Timetable;
    public const string Homework = StudentPortalPages.Homework;
    public const string Forms = StudentPortalPages.Forms;
    public const string Products = StudentPortalPages.Products;

    /// <summary>Pages that are a link rather than a section: the path within Roster that serves each.</summary>
    public static IReadOnlyDictionary<string, string> Linked { get; } = new Dictionary<string, string> { [Forms] = "/me/forms" };

    /// <summary>Pages that are neither a section nor a link: the dashboard is this answer itself.</summary>
    private static readonly HashSet<string> NotSections = [Dashboard, Timetable, Homework, Products, Forms];

    /// <summary>Names the answer already uses, which a page of the same name must not overwrite.</summary>
    private static readonly HashSet<string> Reserved = ["student", "visiblePages", "links"];

    /// <summary>Visible pages Roster holds nothing for yet (attendance, behaviour, reports, messages, and any added later).</summary>
    public static IEnumerable<string> EmptySections(IEnumerable<string> visible) =>
        visible.Where(p => !NotSections.Contains(p) && !Reserved.Contains(p, StringComparer.OrdinalIgnoreCase));
}
