using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Portal.Roster.Imports.Http;

namespace Portal.Roster.Imports;

/// <summary>OneRoster 1.1 bulk import: upload, dry run, apply, as a job with progress.</summary>
public static class ImportFeatures
{
    public static void AddImportConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RunImportConsumer, RunImportConsumerDefinition>();
        bus.AddConsumer<RunImportFaultConsumer>();
    }

    public static void ConfigureImportDocuments(this StoreOptions options) =>
        options.Projections.Snapshot<ImportState>(SnapshotLifecycle.Inline);

    public static IHostApplicationBuilder AddImports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImportRunner>();
        // Queued phases and staff rows leave through their own subscription, from committed events.
        builder.Services.ConfigureMarten((services, options) => options.Events.Subscribe(new ImportDispatcher(services.GetRequiredService<IBus>())));
        return builder;
    }

    public static void MapImportEndpoints(this IEndpointRouteBuilder app) => app.MapImportRoutes();
}
