namespace Portal.AppHost.Hosting.Model;

/// <summary>A RabbitMQ broker; referencing projects get ConnectionStrings__&lt;name&gt; as an amqp:// URI.</summary>
public sealed class RabbitMqServerResource(string name) : IResourceWithConnectionString
{
    public string Name { get; } = name;
    public string ConnectionName => Name;
}
