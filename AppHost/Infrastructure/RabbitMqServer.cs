using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Portal.AppHost.Infrastructure;

/// <summary>
/// A RabbitMQ node from the Debian scripts with everything under a state folder: its own node name, ports
/// (AMQP, Erlang distribution, epmd), Mnesia, logs, config and Erlang cookie, all bound to 127.0.0.1.
/// No plugins. Stopping also kills the epmd the node started, so nothing is left behind.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);
    private readonly RabbitMqLeftovers _leftovers;
    private readonly ILogger _logger;
    private readonly Func<LaunchedProcess> _launch;
    private LaunchedProcess _process;
    private bool _stopped;

    private RabbitMqServer(Func<LaunchedProcess> launch, RabbitMqConnection connection, RabbitMqLeftovers leftovers, ILogger logger)
    {
        _launch = launch;
        _process = launch();
        _leftovers = leftovers;
        _logger = logger;
        Connection = connection;
    }

    public RabbitMqConnection Connection { get; }
    public RabbitMqNode Node => Connection.Node!;
    public int Port => Connection.AmqpUri.Port;
    public int ProcessId => _process.Id;

    /// <summary>The node's processes (script, Erlang VM and its helpers) and the epmd it registered with.</summary>
    public IReadOnlyList<int> ProcessIds =>
        [.. ProcessSignals.WithDescendants(_process.Id), .. RabbitMqLeftovers.EpmdProcesses(Node.EpmdPort)];

    public static async Task<RabbitMqServer> StartAsync(
        string stateDirectory, ILogger logger, CancellationToken cancellationToken, Action<string>? onOutput = null)
    {
        var root = Path.Combine(Path.GetFullPath(stateDirectory), "rabbitmq");
        var leftovers = new RabbitMqLeftovers(root, logger);
        await leftovers.StopAsync();

        var layout = RabbitMqLayout.Create(root);
        var node = new RabbitMqNode(NodeName(root), layout.Home, FreePort.Next());
        var amqpPort = FreePort.Next();
        var environment = layout.Environment(node, amqpPort, distributionPort: FreePort.Next());

        logger.LogInformation("Starting RabbitMQ node {Node} on 127.0.0.1:{Port}", node.Name, amqpPort);
        LaunchedProcess Launch()
        {
            var process = LaunchedProcess.Start(RabbitMqBinaries.Server, [], environment, root, (line, _) => onOutput?.Invoke(line));
            leftovers.Record(process.Id, node.EpmdPort);
            return process;
        }

        var connection = new RabbitMqConnection(
            new Uri($"amqp://{DevelopmentCredentials.RabbitMqUser}:{DevelopmentCredentials.RabbitMqPassword}@127.0.0.1:{amqpPort}/"),
            node);
        var server = new RabbitMqServer(Launch, connection, leftovers, logger);
        try
        {
            await server.WaitForStartupAsync(cancellationToken);
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
        return server;
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        _logger.LogInformation("Stopping RabbitMQ node {Node} (pid {ProcessId})", Node.Name, _process.Id);
        // The script traps SIGTERM and runs rabbitmqctl stop; the VM shuts down cleanly within a few seconds.
        await _process.StopAsync(TimeSpan.FromSeconds(20));
        await RabbitMqLeftovers.KillEpmdAsync(Node.EpmdPort);
        _leftovers.Clear();
    }

    /// <summary>
    /// Starts the node again after <see cref="StopAsync"/>, on the same ports, node name and data (durable queues and
    /// persistent messages survive), so clients that reconnect find the broker where it was.
    /// </summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (!_stopped) throw new InvalidOperationException("RabbitMQ is running; stop it first.");
        await _process.DisposeAsync();
        _logger.LogInformation("Starting RabbitMQ node {Node} again on 127.0.0.1:{Port}", Node.Name, Port);
        _process = _launch();
        _stopped = false;
        await WaitForStartupAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _process.DisposeAsync();
    }

    private async Task WaitForStartupAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"RabbitMQ exited during startup; see its logs under {Path.GetDirectoryName(Node.CookieHome)}/log.");
            // await_startup fails at once until the node has registered with epmd, so poll it.
            var started = await Node.ControlAsync(["await_startup", "--timeout", "30"], cancellationToken, TimeSpan.FromSeconds(40));
            if (started.Succeeded && await Connection.IsAcceptingAsync(cancellationToken)) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"RabbitMQ did not start within {StartupTimeout}: {started.Output}");
            await Task.Delay(500, cancellationToken);
        }
    }

    private static string NodeName(string root) =>
        $"portal-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..10].ToLowerInvariant()}@localhost";
}
