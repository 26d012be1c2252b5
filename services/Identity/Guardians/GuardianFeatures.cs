using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Identity.Accounts;

namespace Portal.Identity.Guardians;

/// <summary>Guardians who register themselves (DESIGN §3: they belong to no organisation, so they live in the default tenant).</summary>
public static class GuardianFeatures
{
    public static IHostApplicationBuilder AddGuardianFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GuardianMail>();
        builder.Services.AddSingleton<GuardianRegistration>();
        builder.Services.AddSingleton<IAccountSource, GuardianAccountSource>();
        return builder;
    }

    public static void ConfigureGuardianDocuments(this StoreOptions options)
    {
        options.Projections.Snapshot<GuardianAccountState>(SnapshotLifecycle.Inline);
        options.Projections.Add<GuardianDocumentsProjection>(ProjectionLifecycle.Inline);
    }

    public static void MapGuardianEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapRegistrationEndpoints();
        app.MapVerificationEndpoint();
    }
}
