using JasperFx.Events.Projections;
using Marten;
using MassTransit;

namespace Portal.Roster.MisSync;

/// <summary>Consuming what MIS sync producers publish, the sync guard and its held batches.</summary>
public static class MisSyncFeatures
{
    public static void AddMisSyncConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<MisSyncConsumer, MisSyncConsumerDefinition>();

    public static void ConfigureMisSyncDocuments(this StoreOptions options)
    {
        options.Projections.Snapshot<SyncHoldState>(SnapshotLifecycle.Inline);
        options.Schema.For<SyncHoldState>().Index(h => h.SchoolId);
        options.Schema.For<SyncWatermark>();
        options.Schema.For<EnrolmentWatermark>().Index(e => e.ClassId);
        options.Schema.For<ClassTimetable>().Index(t => t.SchoolId);
        options.Schema.For<HomeworkItem>().Index(h => h.ClassId);
        options.Schema.For<HeldRoll>();
    }

    public static IHostApplicationBuilder AddMisSync(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyncGuardOptions>()
            .Bind(builder.Configuration.GetSection(SyncGuardOptions.Section))
            .Validate(o => o.MaximumLeaverShare is >= 0 and <= 1, $"{SyncGuardOptions.Section}:MaximumLeaverShare must be between 0 and 1.")
            .ValidateOnStart();
        builder.Services.AddScoped<StudentSyncedHandler>();
        builder.Services.AddScoped<StudentsBatchSyncedHandler>();
        builder.Services.AddScoped<ClassSyncedHandler>();
        builder.Services.AddScoped<EnrolmentSyncedHandler>();
        builder.Services.AddScoped<TimetableSyncedHandler>();
        builder.Services.AddScoped<HomeworkSetHandler>();
        return builder;
    }

    public static void MapSyncHoldEndpoints(this IEndpointRouteBuilder app) => SyncHoldEndpoints.Map(app);
}
