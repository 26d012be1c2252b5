using Portal.EndToEnd.Tests;

namespace Portal.Faults.Tests;

/// <summary>
/// The whole system through the AppHost's declaration, on its own PostgreSQL and RabbitMQ (under the fixture's state
/// folder) even when ./portal test gives servers: these tests stop, restart and cut them, which must never reach
/// servers other test projects share.
/// </summary>
public sealed class FaultSystemFixture : PortalSystemFixture
{
    protected override bool OwnServers => true;
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultSystemFixture>
{
    public const string Name = "Portal system under faults";
}
