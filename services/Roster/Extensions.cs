using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Portal.Roster.Classes;
using Portal.Roster.Dashboard;
using Portal.Roster.Forms;
using Portal.Roster.Guardians;
using Portal.Roster.Imports;
using Portal.Roster.Messaging;
using Portal.Roster.MisSync;
using Portal.Roster.Schools;
using Portal.Roster.Staff;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

public static class RosterExtensions
{
    public const string Audience = "portal-roster";

    public static IHostApplicationBuilder AddRosterServices(this IHostApplicationBuilder builder)
    {
        builder.AddPortalAuthentication(Audience);
        builder.AddPortalMessaging(bus =>
        {
            bus.AddConsumer<InstitutionRegisteredConsumer, InstitutionRegisteredConsumerDefinition>();
            bus.AddConsumer<StudentRosterRulesChangedConsumer, StudentRosterRulesChangedConsumerDefinition>();
            bus.AddConsumer<StaffAccountChangedConsumer, StaffAccountChangedConsumerDefinition>();
            bus.AddMisSyncConsumers();
            bus.AddImportConsumers();
            bus.AddGuardianConsumers();
            bus.AddDashboardConsumers();
        });
        builder.AddPortalMarten(options =>
            {
                // Inline snapshots: every write reads its aggregate, and the lists query them per school and class.
                options.Projections.Snapshot<StudentState>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<ClassState>(SnapshotLifecycle.Inline);
                options.Schema.For<StudentState>().Index(s => s.SchoolId);
                options.Schema.For<ClassState>().Index(c => c.SchoolId);
                KnownSchools.Configure(options);
                options.ConfigureStudentDocuments();
                options.ConfigureClassDocuments();
                options.ConfigureMisSyncDocuments();
                options.ConfigureImportDocuments();
                options.ConfigureGuardianDocuments();
                options.ConfigureDashboardDocuments();
                options.ConfigureFormDocuments();
            })
            .AddSubscriptionWithServices<RosterMessagesPublisher>(ServiceLifetime.Singleton, _ => { });
        builder.AddStudentFeatures();
        builder.AddMisSync();
        builder.AddImports();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapRosterEndpoints(this WebApplication app)
    {
        app.MapStudentEndpoints();
        app.MapClassEndpoints();
        app.MapSyncHoldEndpoints();
        app.MapImportEndpoints();
        app.MapGuardianEndpoints();
        app.MapDashboardEndpoints();
        app.MapFormEndpoints();
        return app;
    }
}
