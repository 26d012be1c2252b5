using Npgsql;
using System.Collections;
using Portal.AppHost.Hosting.Model;

namespace Portal.AppHost.Hosting;

/// <summary>
/// The environment Aspire would give a project: its own connection strings, service discovery entries for
/// the projects it references, its URL, and telemetry names. Everything else (e.g. Portal__* settings) is
/// inherited from the AppHost.
/// </summary>
public static class ProjectEnvironment
{
    /// <summary>Inherited names that would mislead a project, e.g. the AppHost's own server-level connection strings.</summary>
    private static readonly string[] ReplacedPrefixes = ["ConnectionStrings__", "services__"];
    private static readonly string[] ReplacedNames =
        ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "OTEL_SERVICE_NAME"];

    /// <param name="instance">The process's name among the project's replicas ("roster", "roster#2"): its database
    /// connections carry it as their application name, so pg_stat_activity and pg_locks say which replica holds what.</param>
    public static IReadOnlyDictionary<string, string?> For(
        ProjectResource project, Uri url, InfrastructureRuntime infrastructure, Func<ProjectResource, Uri> urlOf, string instance,
        bool parseableLogs = false)
    {
        var environment = new Dictionary<string, string?>();
        foreach (DictionaryEntry inherited in Environment.GetEnvironmentVariables())
        {
            var name = (string)inherited.Key;
            if (ReplacedNames.Contains(name) || ReplacedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                environment[name] = null;
            else if (name.StartsWith("Logging__Console__", StringComparison.OrdinalIgnoreCase))
                environment[name] = (string?)inherited.Value;
        }

        environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["OTEL_SERVICE_NAME"] = project.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instance}";
        // One line per log entry reads better behind the [name] prefix; a developer's own choice wins.
        environment.TryAdd("Logging__Console__FormatterName", "simple");
        environment.TryAdd("Logging__Console__FormatterOptions__SingleLine", "true");
        if (parseableLogs)
        {
            // What ServiceLogEntry reads: one entry per line, starting with its level (no timestamp or colour before it).
            environment["Logging__Console__FormatterName"] = "simple";
            environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
            environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
            environment["Logging__Console__FormatterOptions__TimestampFormat"] = null;
        }
        // OTEL_EXPORTER_OTLP_ENDPOINT is inherited only when the AppHost itself has it: no collector runs here.

        foreach (var (name, value) in project.Environment) environment[name] = value;
        foreach (var reference in project.References)
        {
            switch (reference)
            {
                case PostgresDatabaseResource database:
                    environment[$"ConnectionStrings__{database.ConnectionName}"] = new NpgsqlConnectionStringBuilder(
                        infrastructure.Postgres!.ForDatabase(infrastructure.DatabaseName(database))) { ApplicationName = instance }.ConnectionString;
                    break;
                case RabbitMqServerResource rabbitMq:
                    environment[$"ConnectionStrings__{rabbitMq.ConnectionName}"] = infrastructure.RabbitMq!.AmqpUri.ToString();
                    break;
                case ProjectResource other:
                    environment[$"services__{other.Name}__http__0"] = urlOf(other).ToString().TrimEnd('/');
                    break;
            }
        }
        return environment;
    }
}
