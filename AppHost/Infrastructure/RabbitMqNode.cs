namespace Portal.AppHost.Infrastructure;

/// <summary>
/// What rabbitmqctl needs to reach a broker node: its name, the HOME holding the Erlang cookie and the epmd
/// port. ./portal test hands these to test processes as PORTAL_RABBITMQ_* variables next to the connection
/// strings, so tests can create virtual hosts on the shared broker (AMQP itself cannot).
/// </summary>
public sealed record RabbitMqNode(string Name, string CookieHome, int EpmdPort)
{
    public const string NameVariable = "PORTAL_RABBITMQ_NODE";
    public const string CookieHomeVariable = "PORTAL_RABBITMQ_HOME";
    public const string EpmdPortVariable = "PORTAL_RABBITMQ_EPMD_PORT";

    public static RabbitMqNode? FromEnvironment()
    {
        var name = Environment.GetEnvironmentVariable(NameVariable);
        var home = Environment.GetEnvironmentVariable(CookieHomeVariable);
        var epmdPort = Environment.GetEnvironmentVariable(EpmdPortVariable);
        return string.IsNullOrEmpty(name) || string.IsNullOrEmpty(home) || !int.TryParse(epmdPort, out var port)
            ? null
            : new RabbitMqNode(name, home, port);
    }

    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>
    {
        [NameVariable] = Name,
        [CookieHomeVariable] = CookieHome,
        [EpmdPortVariable] = EpmdPort.ToString(),
    };

    public Task<CommandRunner.Result> ControlAsync(string[] arguments, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        CommandRunner.RunAsync(RabbitMqBinaries.Ctl, ["-n", Name, .. arguments],
            new Dictionary<string, string> { ["HOME"] = CookieHome, ["ERL_EPMD_PORT"] = EpmdPort.ToString() },
            timeout: timeout, cancellationToken: cancellationToken);

    public async Task ControlCheckedAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var result = await ControlAsync(arguments, cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {result.Output}");
    }
}
