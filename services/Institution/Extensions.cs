using JasperFx.Events.Projections;
using Marten;
using Portal.Institution.Clusters;
using Portal.Institution.Messaging;
using Portal.Institution.Organisations;
using Portal.Institution.Schools;
using Portal.Institution.SupportCases;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

public static class InstitutionExtensions
{
    public const string Audience = "portal-institution";

    public static IHostApplicationBuilder AddInstitutionServices(this IHostApplicationBuilder builder)
    {
        builder.AddPortalAuthentication(Audience);
        builder.AddPortalMessaging();
        builder.AddPortalMarten(options =>
            {
                // Inline snapshots: every write reads its aggregate, and the reads list them per organisation.
                options.Projections.Snapshot<OrganisationState>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<SchoolState>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<ClusterState>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<SupportCaseState>(SnapshotLifecycle.Inline);
                options.Schema.For<StoredLogo>().SingleTenanted();
            })
            .AddSubscriptionWithServices<InstitutionMessagesPublisher>(ServiceLifetime.Singleton,
                _ => { });
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapInstitutionEndpoints(this WebApplication app)
    {
        app.MapOrganisationEndpoints();
        app.MapTermEndpoints();
        app.MapSchoolEndpoints();
        app.MapYearGroupEndpoints();
        app.MapSettingsEndpoints();
        app.MapLogoEndpoints();
        app.MapClusterEndpoints();
        app.MapSupportCaseEndpoints();
        return app;
    }
}
