using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.OpenTelemetry;
using JasperFx.Events.Daemon;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Portal.ServiceDefaults.Health;
using Weasel.Core;

namespace Portal.ServiceDefaults.Persistence;

public static class MartenSetup
{
    /// <summary>
    /// The shared event store: one database per service (ConnectionStrings:postgres), events and documents
    /// conjoined-tenanted by organisation id, lightweight sessions opened for the caller's tenant,
    /// and the async daemon in HotCold mode so exactly one replica projects and publishes at a time.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddPortalMarten(
        this IHostApplicationBuilder builder, Action<StoreOptions> configure)
    {
        var connectionString = builder.Configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:postgres is not configured.");
        var dataSource = new NpgsqlDataSourceBuilder(WithIdleTransactionTimeout(connectionString)) { Name = builder.Environment.ApplicationName }.Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<TenantResolver>();

        return builder.Services.AddMarten(options =>
            {
                options.Connection(dataSource);
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, configure: json =>
                    json.Converters.Add(new JsonStringEnumConverter()));
                options.Events.TenancyStyle = TenancyStyle.Conjoined;
                options.Policies.AllDocumentsAreMultiTenanted();
                options.Schema.For<HandledMessage>().SingleTenanted();
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // A standby checks for a free projection lock every second, so failover takes about that long (default 5 s).
                options.Projections.LeadershipPollingTime = 1_000;
                // A gap in the event sequence is waited out while a live transaction may still fill it (Marten's default,
                // stated here because skipping it would lose that event's integration message); see LateCommitTests.
                options.Projections.UseTransactionEvidenceForGapSkipping = true;
                options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                options.OpenTelemetry.TrackEventCounters();
                configure(options);
            })
            .UseLightweightSessions()
            .BuildSessionsWith<TenantSessionFactory>()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
    }

    /// <summary>
    /// A transaction left open and idle (a leaked connection) would hold the daemon at its gap for ever; PostgreSQL
    /// ends such sessions after two minutes, rolling their uncommitted events back. A connection string that sets it wins.
    /// </summary>
    private static string WithIdleTransactionTimeout(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        if (connection.Options?.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal) == true)
            return connectionString;
        connection.Options = $"{connection.Options} -c idle_in_transaction_session_timeout=120000".Trim();
        return connection.ConnectionString;
    }
}
