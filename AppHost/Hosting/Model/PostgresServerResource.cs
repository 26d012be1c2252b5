namespace Portal.AppHost.Hosting.Model;

/// <summary>A PostgreSQL server. Projects reference one of its databases, never the server itself.</summary>
public sealed class PostgresServerResource(string name) : IResource
{
    private readonly List<PostgresDatabaseResource> _databases = [];

    public string Name { get; } = name;
    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    public PostgresDatabaseResource AddDatabase(string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, this, databaseName ?? name);
        _databases.Add(database);
        return database;
    }
}

/// <summary>One service's own database, created if missing. A referencing project gets its connection
/// string as ConnectionStrings__&lt;server name&gt;, e.g. ConnectionStrings__postgres.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server, string databaseName)
    : IResourceWithConnectionString
{
    public string Name { get; } = name;
    public PostgresServerResource Server { get; } = server;
    public string DatabaseName { get; } = databaseName;
    public string ConnectionName => Server.Name;
}
