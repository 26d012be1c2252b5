using Marten;
using MassTransit;
using Portal.Roster.Dashboard.Visibility;

namespace Portal.Roster.Dashboard;

/// <summary>The student dashboard: which pages each school shows (from Institution's messages) and the student's own view.</summary>
public static class DashboardFeatures
{
    public static void ConfigureDashboardDocuments(this StoreOptions options) => SchoolPortalVisibilities.Configure(options);

    public static void AddDashboardConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<StudentPortalVisibilityChangedConsumer, StudentPortalVisibilityChangedConsumerDefinition>();

    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app) => app.MapStudentDashboard();
}
