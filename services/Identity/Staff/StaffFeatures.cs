using Marten;
using MassTransit;

namespace Portal.Identity.Staff;

/// <summary>Wiring for the staff features beyond single accounts: associations, bulk import, Institution's read model.</summary>
public static class StaffFeatures
{
    public static IHostApplicationBuilder AddStaffFeatures(this IHostApplicationBuilder builder) => builder;

    public static void AddStaffConsumers(this IBusRegistrationConfigurator bus)
    {
    }

    public static void ConfigureStaffDocuments(this StoreOptions options)
    {
    }

    public static void MapStaffFeatureEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
