using Marten;
using MassTransit;
using Portal.Identity.Institutions;

namespace Portal.Identity.Staff;

/// <summary>Wiring for the staff features beyond single accounts: associations, bulk import, Institution's read model.</summary>
public static class StaffFeatures
{
    public static IHostApplicationBuilder AddStaffFeatures(this IHostApplicationBuilder builder) => builder;

    /// <summary>Institution's messages feed Identity's copy of the organisation's schools and clusters.</summary>
    public static void AddStaffConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<InstitutionRegisteredConsumer, InstitutionRegisteredConsumerDefinition>();
        bus.AddConsumer<ClusterMembershipChangedConsumer, ClusterMembershipChangedConsumerDefinition>();
        bus.AddConsumer<RosterStaffImportedConsumer, RosterStaffImportedConsumerDefinition>();
    }

    public static void ConfigureStaffDocuments(this StoreOptions options)
    {
        options.Schema.For<KnownSchool>().Index(s => s.SchoolId);
        options.Schema.For<KnownCluster>().Index(c => c.ClusterId);
    }

    public static void MapStaffFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapStaffAssociationEndpoints();
        app.MapStaffImportEndpoint();
    }
}
