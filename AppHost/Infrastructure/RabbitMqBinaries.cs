namespace Portal.AppHost.Infrastructure;

/// <summary>
/// The Debian RabbitMQ scripts, called directly rather than through /usr/sbin: that wrapper switches to the
/// rabbitmq system user and its /var/lib folder, and we want our own node under our state folder.
/// </summary>
public static class RabbitMqBinaries
{
    private static string Directory =>
        Environment.GetEnvironmentVariable("PORTAL_RABBITMQ_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/rabbitmq/bin";

    public static string Server => Existing(Path.Combine(Directory, "rabbitmq-server"));
    public static string Ctl => Existing(Path.Combine(Directory, "rabbitmqctl"));
    public static string Epmd => File.Exists("/usr/bin/epmd") ? "/usr/bin/epmd" : "epmd";

    private static string Existing(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException(
            $"{path} not found. Install RabbitMQ with 'apt-get install rabbitmq-server' (./portal does this) or set PORTAL_RABBITMQ_BIN.");
}
