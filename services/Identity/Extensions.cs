using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using Portal.Identity.Accounts;
using Portal.Identity.Guardians;
using Portal.Identity.Invitations;
using Portal.Identity.LoginHistory;
using Portal.Identity.Mail;
using Portal.Identity.Messaging;
using Portal.Identity.Oidc;
using Portal.Identity.Staff;
using Portal.Identity.Students;
using Portal.Identity.Students.StartCards;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

public static class IdentityExtensions
{
    public const string Audience = "portal-identity";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        // Tests minting their own tokens name that issuer; otherwise Identity checks the tokens it issues itself.
        if (string.IsNullOrEmpty(builder.Configuration["Portal:Auth:Authority"]))
            builder.AddOwnTokenValidation(Audience);
        else
            builder.AddPortalAuthentication(Audience);
        builder.AddSignInAndTokens();
        builder.AddPortalMessaging(bus =>
        {
            bus.AddStaffConsumers();
            bus.AddStudentLoginConsumers();
        });
        builder.AddStaffFeatures();
        builder.AddMail();
        builder.AddGuardianFeatures();
        builder.AddInvitationFeatures();
        builder.AddPortalMarten(options =>
        {
            options.ConfigureStaffDocuments();
            options.ConfigureGuardianDocuments();
            options.ConfigureInvitationDocuments();
            options.ConfigureAccountDocuments();
            options.ConfigureLoginHistoryDocuments();
            options.ConfigureSignInDocuments();
            options.ConfigureStudentLoginDocuments();
            // Inline snapshots: every write reads its account, and the reads list and search them per organisation.
            options.Projections.Snapshot<StaffAccountState>(SnapshotLifecycle.Inline);
            // The endpoint checks first for a helpful message; the index settles two registrations racing for one email.
            options.Schema.For<StaffAccountState>()
                .UniqueIndex(UniqueIndexType.Computed, StaffAccountEndpoints.EmailIndex, TenancyScope.PerTenant, a => a.Email);
        }).AddSubscriptionWithServices<IdentityMessagesPublisher>(ServiceLifetime.Singleton, _ => { })
            .AddSubscriptionWithServices<StudentSessionsRevoker>(ServiceLifetime.Singleton, _ => { });
        builder.Services.AddAccounts();
        builder.Services.AddStudentLogins();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        app.MapSignInAndTokenEndpoints();
        app.MapStaffAccountEndpoints();
        app.MapStaffFeatureEndpoints();
        app.MapLoginHistoryEndpoints();
        app.MapGuardianEndpoints();
        app.MapInvitationEndpoints();
        app.MapStudentLoginEndpoints();
        app.MapStartCardEndpoints();
        return app;
    }
}
