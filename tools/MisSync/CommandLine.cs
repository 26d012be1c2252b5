using System.Globalization;

namespace Portal.MisSync;

/// <summary>The tool's arguments: where to publish, for which organisation and school, and which folder.</summary>
public static class CommandLine
{
    public const string Usage =
        "Usage: MisSync --rabbitmq amqp://user:pass@host:port/vhost --organisation <guid> --school <guid> --folder <OneRoster 1.1 CSV folder>\n" +
        "               [--full-roll] [--batch-size 500] [--org-sourced-id <OneRoster org of the school>]";

    public static (Uri RabbitMq, MisRollRequest Request) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fullRoll = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--full-roll") fullRoll = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count) values[args[i]] = args[++i];
            else throw new CommandLineException($"Unexpected argument '{args[i]}'.");
        }

        var rabbitMq = Required(values, "--rabbitmq");
        if (!Uri.TryCreate(rabbitMq, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new CommandLineException($"--rabbitmq must be an amqp:// URI; got '{rabbitMq}'.");
        var folder = Required(values, "--folder");
        if (!Directory.Exists(folder)) throw new CommandLineException($"Folder '{folder}' does not exist.");
        var batchSize = values.TryGetValue("--batch-size", out var size)
            ? int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw new CommandLineException($"--batch-size must be a whole number above 0; got '{size}'.")
            : 500;
        return (uri, new MisRollRequest(IdOf(values, "--organisation"), IdOf(values, "--school"), folder, fullRoll, batchSize,
            values.GetValueOrDefault("--org-sourced-id")));
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new CommandLineException($"{name} is required.");

    private static Guid IdOf(Dictionary<string, string> values, string name) =>
        Guid.TryParse(Required(values, name), out var id) && id != Guid.Empty
            ? id
            : throw new CommandLineException($"{name} must be an id like 3f2b6c1e-8d4a-4f0e-9b7c-2a1d5e6f7a8b; got '{values[name]}'.");
}

public sealed class CommandLineException(string message) : Exception(message);
