using Microsoft.Extensions.Logging;

namespace Portal.AppHost.Hosting;

public enum PortalAppMode
{
    /// <summary>Everything in the foreground: servers, services, gateway.</summary>
    Run,
    /// <summary>Only PostgreSQL and RabbitMQ; their connection strings go to an env file (./portal test).</summary>
    Infrastructure,
}

public sealed class PortalAppOptions
{
    public const string DefaultStateFolder = ".state/run";
    public const int DefaultGatewayPort = 8080;

    public PortalAppMode Mode { get; init; } = PortalAppMode.Run;
    public required string RepositoryRoot { get; init; }
    public required string StateDirectory { get; init; }
    /// <summary>Build configuration whose output is launched; another one is used if only that was built.</summary>
    public string Configuration { get; init; } = "Debug";
    /// <summary>The gateway's fixed port; 0 picks a free one (tests).</summary>
    public int GatewayPort { get; init; } = DefaultGatewayPort;
    /// <summary>Infrastructure mode writes ConnectionStrings__* lines here once the servers accept connections.</summary>
    public string? EnvFile { get; init; }
    /// <summary>Appended to every service database name so a run on shared servers gets its own databases.</summary>
    public string DatabaseNameSuffix { get; init; } = "";
    /// <summary>A RabbitMQ virtual host created for this run (on shared brokers); null uses the URI's own.</summary>
    public string? VirtualHost { get; init; }
    /// <summary>On stop, drop this run's databases and virtual host from servers it was given (test runs).</summary>
    public bool RemoveRunDataOnStop { get; init; }
    public bool SeedDemoData { get; init; }
    /// <summary>Start our own PostgreSQL and RabbitMQ even when ConnectionStrings__* name servers (fault injection stops them).</summary>
    public bool OwnServers { get; init; }
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(3);
    public ILoggerFactory? LoggerFactory { get; init; }
    /// <summary>Receives every output line of the processes (name, line); null prints them with a coloured prefix.</summary>
    public Action<string, string>? Output { get; init; }
    /// <summary>
    /// Also receives every output line of the projects as a log entry with its level (tests that read what services
    /// log). When set, projects always log in the single-line format the entries are read from, whatever the environment says.
    /// </summary>
    public Action<ServiceLogEntry>? ServiceLog { get; init; }

    public static int GatewayPortFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("PORTAL_GATEWAY_PORT"), out var port) ? port : DefaultGatewayPort;
}
