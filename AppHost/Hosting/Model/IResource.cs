namespace Portal.AppHost.Hosting.Model;

/// <summary>Something the AppHost declares and runs, named as Aspire would name it.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>A resource that hands a connection string to the projects referencing it
/// (as ConnectionStrings__&lt;ConnectionName&gt;).</summary>
public interface IResourceWithConnectionString : IResource
{
    string ConnectionName { get; }
}
