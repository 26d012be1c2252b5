using Marten;
using MassTransit;

namespace Portal.Roster.MisSync;

/// <summary>Consuming what MIS sync producers publish, the sync guard and its held batches.</summary>
public static class MisSyncFeatures
{
    public static void AddMisSyncConsumers(this IBusRegistrationConfigurator bus) { }

    public static void ConfigureMisSyncDocuments(this StoreOptions options) { }

    public static IHostApplicationBuilder AddMisSync(this IHostApplicationBuilder builder) => builder;

    public static void MapSyncHoldEndpoints(this IEndpointRouteBuilder app) { }
}
