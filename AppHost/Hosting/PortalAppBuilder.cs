using Portal.AppHost.Hosting.Model;

namespace Portal.AppHost.Hosting;

/// <summary>Collects the declared resources (the model); Build() turns them into a runnable application.</summary>
public sealed class PortalAppBuilder(PortalAppOptions options)
{
    private readonly List<IResource> _resources = [];

    public PortalAppOptions Options { get; } = options;
    public IReadOnlyList<IResource> Resources => _resources;

    public PostgresServerResource AddPostgres(string name) => Add(new PostgresServerResource(name));

    public RabbitMqServerResource AddRabbitMq(string name) => Add(new RabbitMqServerResource(name));

    /// <param name="projectDirectory">Folder of the .csproj, relative to the repository root.</param>
    public ProjectResource AddProject(string name, string projectDirectory) => Add(new ProjectResource(name, projectDirectory));

    public PortalApplication Build() => new(Options, _resources);

    private T Add<T>(T resource) where T : IResource
    {
        if (_resources.Any(existing => existing.Name == resource.Name))
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        _resources.Add(resource);
        return resource;
    }
}
