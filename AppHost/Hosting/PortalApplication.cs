using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Portal.AppHost.Hosting.Model;
using Portal.AppHost.Infrastructure;

namespace Portal.AppHost.Hosting;

/// <summary>
/// The declared system, runnable: servers first, then projects in dependency order (each healthy before its
/// dependants start), and everything stopped in reverse order.
/// </summary>
public sealed class PortalApplication : IAsyncDisposable
{
    private readonly PortalAppOptions _options;
    private readonly IReadOnlyList<IResource> _resources;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Action<string, string> _output;
    private readonly HealthProbe _probe = new();
    private readonly List<ProjectRunner> _runners = [];
    /// <summary>Further processes of a project (fault injection: a standby projection host); the gateway routes to the first.</summary>
    private readonly List<ProjectRunner> _replicas = [];
    private Dictionary<ProjectResource, Uri> _urls = [];
    private StateFolder? _state;
    private InfrastructureRuntime? _infrastructure;

    internal PortalApplication(PortalAppOptions options, IReadOnlyList<IResource> resources)
    {
        _options = options;
        _resources = resources;
        _loggerFactory = options.LoggerFactory ?? LoggerFactory.Create(logging => logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));
        _logger = _loggerFactory.CreateLogger("Portal.AppHost");
        _output = options.Output ?? new ConsoleOutput().WriteLine;
    }

    public PortalAppOptions Options => _options;

    public Uri UrlOf(string projectName) =>
        _runners.SingleOrDefault(runner => runner.Project.Name == projectName)?.Url
        ?? throw new InvalidOperationException($"No running project named '{projectName}'.");

    /// <summary>The broker as the services see it (their virtual host), for producers outside the services such as MIS sync.</summary>
    public Uri RabbitMqUri => _infrastructure?.RabbitMq?.AmqpUri
        ?? throw new InvalidOperationException("RabbitMQ has not started.");

    /// <summary>
    /// A connection string for a declared database (e.g. "roster") as its service sees it, for benchmarks and
    /// fault-injection checks that count what a service stored. Services themselves never read another's database.
    /// </summary>
    public string DatabaseConnectionString(string databaseName)
    {
        var infrastructure = _infrastructure ?? throw new InvalidOperationException("PostgreSQL has not started.");
        var database = _resources.OfType<PostgresServerResource>().SelectMany(s => s.Databases).Single(d => d.DatabaseName == databaseName);
        return infrastructure.Postgres!.ForDatabase(infrastructure.DatabaseName(database));
    }

    /// <summary>Kills a project's (or a replica's) processes with SIGKILL (fault injection); it is restarted with backoff. Answers the killed pid.</summary>
    public int KillProject(string instance) => Runner(instance).Kill();

    /// <summary>
    /// Starts one more process of a running project, with the same environment but its own port and instance name
    /// ("roster#2"), and waits until it is healthy. It competes for the project's queues and its projection locks.
    /// </summary>
    public async Task<string> StartReplicaAsync(string projectName, CancellationToken cancellationToken)
    {
        var first = Runner(projectName);
        var project = first.Project;
        var instance = $"{project.Name}#{2 + _replicas.Count(r => r.Project == project)}";
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var runner = new ProjectRunner(project, instance, url,
            ProjectOutput.FindAssembly(Path.Combine(_options.RepositoryRoot, project.ProjectDirectory), _options.Configuration),
            Path.Combine(_options.RepositoryRoot, project.ProjectDirectory),
            ProjectEnvironment.For(project, url, Infrastructure, other => _urls[other], instance, parseableLogs: _options.ServiceLog is not null),
            _output, _options.ServiceLog, _loggerFactory.CreateLogger($"Portal.AppHost.{instance}"));
        _replicas.Add(runner);
        await runner.StartAsync(_probe, _options.HealthTimeout, cancellationToken);
        return instance;
    }

    /// <summary>Stops a replica started by <see cref="StartReplicaAsync"/> (SIGTERM, then SIGKILL) and forgets it.</summary>
    public async Task StopReplicaAsync(string instance)
    {
        var replica = _replicas.SingleOrDefault(r => r.Instance == instance)
            ?? throw new InvalidOperationException($"No replica named '{instance}'.");
        await replica.DisposeAsync();
        _replicas.Remove(replica);
    }

    /// <summary>The instance's current process, once it answers its health check again (e.g. after a kill).</summary>
    public async Task<int> WaitUntilHealthyAsync(string instance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var runner = Runner(instance);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (runner.ProcessId is { } pid && ProcessSignals.IsAlive(pid)
                && (await _probe.CheckAsync(runner.Url, runner.Project.HealthPath, cancellationToken)).Healthy)
                return pid;
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"{instance} did not answer its health check within {timeout.TotalSeconds:0}s.");
    }

    public Task StopRabbitMqAsync() => Infrastructure.StopRabbitMqAsync();

    public Task StartRabbitMqAgainAsync(CancellationToken cancellationToken) => Infrastructure.StartRabbitMqAgainAsync(cancellationToken);

    public Task RestartPostgresAsync(CancellationToken cancellationToken) => Infrastructure.RestartPostgresAsync(cancellationToken);

    private InfrastructureRuntime Infrastructure => _infrastructure ?? throw new InvalidOperationException("The servers have not started.");

    private ProjectRunner Runner(string instance) =>
        _runners.Concat(_replicas).SingleOrDefault(runner => runner.Instance == instance)
        ?? throw new InvalidOperationException($"No running project or replica named '{instance}'.");

    /// <summary>Foreground run until SIGINT/SIGTERM; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        using var shutdown = new CancellationTokenSource();
        var signalled = 0;
        void RequestShutdown(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Exchange(ref signalled, 1) == 1) return;
            _logger.LogInformation("Stopping (signal {Signal})", context.Signal);
            shutdown.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestShutdown);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestShutdown);

        try
        {
            await StartAsync(shutdown.Token);
            await AfterStartAsync(shutdown.Token);
            await Task.Delay(Timeout.Infinite, shutdown.Token);
            return 0;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e)
        {
            _logger.LogError("{Error}", e.Message);
            return 1;
        }
        finally
        {
            await StopAsync();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _state = StateFolder.Acquire(_options.StateDirectory);
        var projects = DependencyOrder.Sort(_options.Mode == PortalAppMode.Run ? _resources.OfType<ProjectResource>() : []);
        var urls = _urls = AssignUrls(projects);
        // Before any server starts, so an unbuilt project fails at once.
        var assemblies = projects.ToDictionary(project => project, project =>
            ProjectOutput.FindAssembly(Path.Combine(_options.RepositoryRoot, project.ProjectDirectory), _options.Configuration));

        _infrastructure = await InfrastructureRuntime.StartAsync(_options, _resources, _logger, _output, cancellationToken);
        foreach (var project in projects)
        {
            var directory = Path.Combine(_options.RepositoryRoot, project.ProjectDirectory);
            var runner = new ProjectRunner(project, project.Name, urls[project], assemblies[project], directory,
                ProjectEnvironment.For(project, urls[project], _infrastructure, other => urls[other], project.Name,
                    parseableLogs: _options.ServiceLog is not null),
                _output, _options.ServiceLog, _loggerFactory.CreateLogger($"Portal.AppHost.{project.Name}"));
            _runners.Add(runner);
            await runner.StartAsync(_probe, _options.HealthTimeout, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<ResourceStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var statuses = new List<ResourceStatus>();
        if (_infrastructure is not null)
        {
            var postgresHealthy = _infrastructure.Postgres is { } postgres && await postgres.IsAcceptingAsync(cancellationToken);
            var rabbitMqHealthy = _infrastructure.RabbitMq is { } rabbitMq && await rabbitMq.IsAcceptingAsync(cancellationToken);
            statuses.AddRange(_infrastructure.Statuses(postgresHealthy, rabbitMqHealthy));
        }
        foreach (var runner in _runners.Concat(_replicas))
        {
            var (healthy, _) = await _probe.CheckAsync(runner.Url, runner.Project.HealthPath, cancellationToken);
            statuses.Add(new ResourceStatus(runner.Instance, "project", runner.Url.ToString().TrimEnd('/'),
                healthy, runner.ProcessId, runner.ProcessIds));
        }
        return statuses;
    }

    public async Task StopAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
        _replicas.Clear();
        for (var i = _runners.Count - 1; i >= 0; i--) await _runners[i].DisposeAsync();
        _runners.Clear();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
        _infrastructure = null;
        _state?.Dispose();
        _state = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _probe.Dispose();
        if (_options.LoggerFactory is null) _loggerFactory.Dispose();
    }

    private async Task AfterStartAsync(CancellationToken cancellationToken)
    {
        if (_options.Mode == PortalAppMode.Infrastructure)
        {
            EnvFile.Write(_options.EnvFile!, _infrastructure!.ExportedEnvironment());
            _logger.LogInformation("Infrastructure ready; connection strings written to {EnvFile}", _options.EnvFile);
        }
        else if (_options.SeedDemoData)
        {
            await SeedDemoDataOnceAsync(cancellationToken);
        }
        Console.Out.Write(Environment.NewLine + ResourceTable.Format(await StatusAsync(cancellationToken)) + Environment.NewLine);
        _logger.LogInformation("Press Ctrl+C to stop");
    }

    private async Task SeedDemoDataOnceAsync(CancellationToken cancellationToken)
    {
        if (_state!.DemoDataSeeded || !_runners.Any(r => r.Project.Name == "gateway") || !_runners.Any(r => r.Project.Name == "identity"))
            return;
        try
        {
            _logger.LogInformation("Seeding demo data (once per state folder)");
            await DemoData.DemoData.SeedAsync(UrlOf("gateway"), RabbitMqUri, _options.StateDirectory, cancellationToken);
            _state.MarkDemoDataSeeded();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Seeding demo data failed; it is tried again on the next start");
        }
    }

    private Dictionary<ProjectResource, Uri> AssignUrls(IReadOnlyList<ProjectResource> projects)
    {
        var urls = new Dictionary<ProjectResource, Uri>();
        foreach (var project in projects)
        {
            var port = project.HttpPort ?? FreePort.Next();
            if (project.HttpPort is { } fixedPort && !FreePort.IsAvailable(fixedPort))
                throw new InvalidOperationException(
                    $"Port {fixedPort} for {project.Name} is already in use. Stop what uses it, or choose another port " +
                    "with PORTAL_GATEWAY_PORT.");
            urls[project] = new Uri($"http://127.0.0.1:{port}/");
        }
        return urls;
    }
}
