using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Identity.Invitations;

/// <summary>Staff invitations: a set-password link mailed when a staff account is registered, and re-issued on request.</summary>
public static class InvitationFeatures
{
    public static IHostApplicationBuilder AddInvitationFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StaffInvitations>();
        // Registered here rather than on AddPortalMarten's expression; the mailer resolves its services when it runs.
        builder.Services.ConfigureMarten((services, options) => options.Projections.Subscribe(new StaffInvitationMailer(services)));
        return builder;
    }

    public static void ConfigureInvitationDocuments(this StoreOptions options)
    {
        options.Projections.Snapshot<StaffInvitationState>(SnapshotLifecycle.Inline);
        options.Schema.For<InvitationLink>().SingleTenanted();
        options.Projections.Add<InvitationLinksProjection>(ProjectionLifecycle.Inline);
    }

    public static void MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapSetupEndpoints();
        app.MapReissueInvitationEndpoint();
    }
}
