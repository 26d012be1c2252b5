using Portal.AppHost.Hosting.Model;

namespace Portal.AppHost.Hosting;

/// <summary>Projects ordered so each comes after the projects it references (declaration order otherwise).</summary>
public static class DependencyOrder
{
    public static IReadOnlyList<ProjectResource> Sort(IEnumerable<ProjectResource> projects)
    {
        var ordered = new List<ProjectResource>();
        var visiting = new HashSet<ProjectResource>();
        foreach (var project in projects) Visit(project, ordered, visiting);
        return ordered;
    }

    private static void Visit(ProjectResource project, List<ProjectResource> ordered, HashSet<ProjectResource> visiting)
    {
        if (ordered.Contains(project)) return;
        if (!visiting.Add(project))
            throw new InvalidOperationException($"Projects reference each other in a cycle through '{project.Name}'.");
        foreach (var reference in project.ProjectReferences) Visit(reference, ordered, visiting);
        visiting.Remove(project);
        ordered.Add(project);
    }
}
