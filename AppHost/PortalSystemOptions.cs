using Microsoft.Extensions.Logging;
using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;

namespace Portal.AppHost;

/// <summary>How tests start the system. On servers given through ConnectionStrings__* the run gets its own
/// databases (suffixed) and, when rabbitmqctl can reach the broker, its own virtual host.</summary>
public sealed class PortalSystemOptions
{
    public string RepositoryRoot { get; init; } = Infrastructure.RepositoryRoot.Find();
    /// <summary>Where our own servers keep their data when none are given; use a fresh folder per run.</summary>
    public required string StateDirectory { get; init; }
    /// <summary>0 picks a free port.</summary>
    public int GatewayPort { get; init; }
    public string Configuration { get; init; } = CommandLine.BuiltConfiguration();
    public string RunId { get; init; } = Guid.NewGuid().ToString("N")[..8];
    public bool SeedDemoData { get; init; }
    /// <summary>Our own PostgreSQL and RabbitMQ under <see cref="StateDirectory"/> even when servers are given, so tests
    /// that stop or restart them (fault injection) never touch servers others share.</summary>
    public bool OwnServers { get; init; }
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(3);
    public ILoggerFactory? LoggerFactory { get; init; }
    public Action<string, string>? Output { get; init; }
    /// <summary>Receives every line the services print as a log entry with its level, besides the usual output.</summary>
    public Action<ServiceLogEntry>? ServiceLog { get; init; }

    internal PortalAppOptions ToAppOptions() => new()
    {
        Mode = PortalAppMode.Run,
        RepositoryRoot = RepositoryRoot,
        StateDirectory = Path.GetFullPath(StateDirectory),
        GatewayPort = GatewayPort,
        Configuration = Configuration,
        DatabaseNameSuffix = $"_e2e_{RunId}",
        VirtualHost = $"portal-e2e-{RunId}",
        RemoveRunDataOnStop = true,
        SeedDemoData = SeedDemoData,
        OwnServers = OwnServers,
        HealthTimeout = HealthTimeout,
        LoggerFactory = LoggerFactory,
        Output = Output,
        ServiceLog = ServiceLog,
    };
}
