using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Portal.AccessCode.Bulk;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Guardians;
using Portal.AccessCode.Letters;
using Portal.AccessCode.Messaging;
using Portal.AccessCode.Pairing;
using Portal.AccessCode.Students;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

public static class AccessCodeExtensions
{
    public const string Audience = "portal-accesscode";

    public static IHostApplicationBuilder AddAccessCodeServices(this IHostApplicationBuilder builder)
    {
        builder.AddPortalAuthentication(Audience);
        builder.AddPortalMessaging(bus =>
        {
            bus.AddConsumer<RosterStudentChangedConsumer, RosterStudentChangedConsumerDefinition>();
            bus.AddConsumer<ClassChangedConsumer, ClassChangedConsumerDefinition>();
            bus.AddConsumer<InstitutionRegisteredConsumer, InstitutionRegisteredConsumerDefinition>();
            bus.AddConsumer<GuardianAccountChangedConsumer>();
        });
        builder.AddPortalMarten(options =>
            {
                // Inline snapshots: every write reads the student's codes, and views, bulk and letters load them by id.
                options.Projections.Snapshot<AccessCodeState>(SnapshotLifecycle.Inline);
                options.Schema.For<AccessCodeState>().Index(s => s.SchoolId);
                options.Projections.Snapshot<PairingAttemptsState>(SnapshotLifecycle.Inline);
                CodeLookup.Configure(options);
                GuardianLinks.Configure(options);
                KnownGuardian.Configure(options);
                StudentDocuments.Configure(options);
                BulkCodeJob.Configure(options);
            })
            .AddSubscriptionWithServices<AccessCodeMessagesPublisher>(ServiceLifetime.Singleton, _ => { });
        builder.Services.AddSingleton(provider => AccessCodeSecrets.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));
        builder.Services.Configure<AccessCodeOptions>(builder.Configuration.GetSection(AccessCodeOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddLetters();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapAccessCodeEndpoints(this WebApplication app)
    {
        app.MapCodeEndpoints();
        app.MapBulkEndpoints();
        app.MapLetterEndpoints();
        app.MapPairingEndpoints();
        app.MapGuardianEndpoints();
        return app;
    }
}
