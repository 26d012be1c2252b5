namespace Portal.AppHost.Hosting.Model;

/// <summary>A .NET web project of this repository, launched from its build output.</summary>
public sealed class ProjectResource(string name, string projectDirectory) : IResource
{
    private readonly List<IResource> _references = [];
    private readonly Dictionary<string, string> _environment = [];

    public string Name { get; } = name;
    /// <summary>Relative to the repository root, e.g. services/Institution.</summary>
    public string ProjectDirectory { get; } = projectDirectory;
    public IReadOnlyList<IResource> References => _references;
    /// <summary>Null for a free port; set for a public door such as the gateway.</summary>
    public int? HttpPort { get; private set; }
    public string HealthPath { get; private set; } = "/health";

    public IReadOnlyDictionary<string, string> Environment => _environment;
    public IEnumerable<ProjectResource> ProjectReferences => _references.OfType<ProjectResource>();

    public ProjectResource WithReference(IResource resource)
    {
        if (resource is PostgresServerResource)
            throw new ArgumentException($"Reference one of {resource.Name}'s databases (AddDatabase), not the server.");
        _references.Add(resource);
        return this;
    }

    public ProjectResource WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public ProjectResource WithHttpPort(int port)
    {
        HttpPort = port == 0 ? null : port;
        return this;
    }

    public ProjectResource WithHealthCheck(string path)
    {
        HealthPath = path;
        return this;
    }
}

public static class IdentityTokenReferences
{
    /// <summary>
    /// The service validates Identity's tokens: they name the public issuer (through the gateway), while the
    /// discovery document is fetched from Identity directly (services__identity__http__0).
    /// </summary>
    public static ProjectResource WithIdentityTokens(this ProjectResource project, string publicIdentity) =>
        project.WithEnvironment("Portal__Auth__Authority", publicIdentity + "/")
            .WithEnvironment("Portal__Auth__DiscoverFromIdentity", "true");
}
