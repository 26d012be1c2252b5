using StudentPortalPages = Portal.Institution.Contracts.StudentPortalPages;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

/// <summary>The pages students see (the whole list; any not named are hidden).</summary>
public sealed record SetStudentPortalVisibility(
    Guid SchoolId, IReadOnlyList<string> VisiblePages, Guid ActorId, DateTimeOffset At);

/// <summary>Pages are distinct and in <see cref="StudentPortalPages.All"/> order.</summary>
public sealed record StudentPortalVisibilityChanged(
    Guid SchoolId, IReadOnlyList<string> VisiblePages, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public static object[] Decide(SetStudentPortalVisibility command, SchoolState state)
    {
        var requested = (command.VisiblePages ?? []).Select(p => p?.Trim() ?? "").Distinct().ToList();
        var unknown = requested.Where(p => !StudentPortalPages.All.Contains(p)).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailed("visiblePages",
                $"Unknown student portal page{(unknown.Count > 1 ? "s" : "")} {Text.List(unknown.Select(Text.Quoted))}; the pages are {string.Join(", ", StudentPortalPages.All)}.");

        var pages = StudentPortalPages.All.Where(requested.Contains).ToList();
        if (pages.SequenceEqual(state.VisiblePages))
            return [];
        return [new StudentPortalVisibilityChanged(state.Id, pages, command.ActorId, command.At.ToUniversalTime())];
    }
}
