using System.Xml.Linq;

namespace Portal.Architecture.Tests;

/// <summary>Services talk through messages: a service may reference ServiceDefaults and .Contracts projects, never another service.</summary>
public sealed class ProjectReferenceTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> ServiceProjects() => Projects(contracts: false);

    public static TheoryData<string> ContractsProjects() => Projects(contracts: true);

    private static TheoryData<string> Projects(bool contracts)
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetFiles(Path.Combine(Root, "services"), "*.csproj", SearchOption.AllDirectories))
            if (project.EndsWith(".Contracts.csproj") == contracts) data.Add(Path.GetRelativePath(Root, project));
        return data;
    }

    [Theory]
    [MemberData(nameof(ServiceProjects))]
    public void A_service_references_only_contracts_and_service_defaults(string project)
    {
        var references = XDocument.Load(Path.Combine(Root, project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        var forbidden = references.Where(name => name != "ServiceDefaults" && !name.EndsWith(".Contracts")).ToList();

        Assert.True(forbidden.Count == 0, $"{project} references {string.Join(", ", forbidden)}; only .Contracts projects and ServiceDefaults are allowed.");
    }

    [Theory]
    [MemberData(nameof(ContractsProjects))]
    public void A_contracts_project_references_nothing(string project)
    {
        var references = XDocument.Load(Path.Combine(Root, project)).Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference").ToList();

        Assert.Empty(references);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test output.");
    }
}
