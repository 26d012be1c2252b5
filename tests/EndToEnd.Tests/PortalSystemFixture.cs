using System.Collections.Concurrent;
using Portal.AppHost;
using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// The whole system started through the AppHost's own declaration, once per test collection. On servers
/// given by ./portal test it gets its own databases and virtual host; otherwise its own servers under a
/// fresh state folder that is deleted afterwards.
/// </summary>
public class PortalSystemFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(5);
    private PortalSystem? _system;

    public PortalSystem System => _system ?? throw new InvalidOperationException("The system has not started.");
    public Uri GatewayUrl => System.GatewayUrl;
    public Uri IdentityUrl => System.IdentityUrl;

    /// <summary>Every line the services printed since the system started, with its log level (checks of what is logged).</summary>
    public ConcurrentQueue<ServiceLogEntry> ServiceLogs { get; } = new();

    /// <summary>A client for the gateway, the only public door; callers dispose it.</summary>
    public HttpClient CreateGatewayClient() => new() { BaseAddress = GatewayUrl };

    /// <summary>Our own PostgreSQL and RabbitMQ even when servers are given (suites that stop or restart them).</summary>
    protected virtual bool OwnServers => false;

    public async Task InitializeAsync() => _system = await StartSystemAsync(StateDirectory(), OwnServers, ServiceLogs.Enqueue);

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
        DeleteState();
    }

    /// <summary>Starts another, independent system (e.g. to watch it stop); the caller disposes it.</summary>
    public static async Task<PortalSystem> StartSystemAsync(string stateDirectory, bool ownServers = false, Action<ServiceLogEntry>? serviceLog = null)
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        return await PortalSystem.StartAsync(new PortalSystemOptions
        {
            StateDirectory = stateDirectory,
            GatewayPort = 0,
            OwnServers = ownServers,
            ServiceLog = serviceLog,
        }, timeout.Token);
    }

    public static string StateDirectory(string purpose = "e2e") =>
        Path.Combine(RepositoryRoot.Find(), ".state", $"{purpose}-{Environment.ProcessId}");

    private static void DeleteState() => StateFolder.Delete(StateDirectory());
}

[CollectionDefinition(Name)]
public sealed class PortalSystemCollection : ICollectionFixture<PortalSystemFixture>
{
    public const string Name = "Portal system";
}
