using Marten;
using MassTransit;
using Portal.Roster.Guardians.Children;

namespace Portal.Roster.Guardians;

/// <summary>Guardians' view of the roster: who may see whom (from AccessCode's messages) and the children they see.</summary>
public static class GuardianFeatures
{
    public static void ConfigureGuardianDocuments(this StoreOptions options) => GuardianPairings.Configure(options);

    public static void AddGuardianConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<GuardianPairedConsumer, GuardianPairedConsumerDefinition>();
        bus.AddConsumer<GuardianAccessRevokedConsumer, GuardianAccessRevokedConsumerDefinition>();
    }

    public static void MapGuardianEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGroup("").WithTags("Guardians").MapMyChildren();
}
