using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Portal.Identity.Students.Classes;
using Portal.Identity.Students.StartCards.Codes;
using Portal.Identity.Students.StartCards.Printing;
using Portal.Identity.Students.StartCards.Setup;
using Portal.ServiceDefaults.Documents;

namespace Portal.Identity.Students.StartCards;

/// <summary>
/// A student's first sign-in (issue 6): staff print start cards, each with a one-time setup code, and the student uses
/// the code on the set-up page beside the login page to choose a password. Teachers' reach needs Roster's classes.
/// </summary>
public static class StartCardFeatures
{
    public const string SetupPath = "/account/start";

    public static IServiceCollection AddStartCards(this IServiceCollection services)
    {
        // The cards' fonts load at start, so missing font files stop the service with the package to install.
        DejaVuFonts.EnsureInstalled();
        services.AddSingleton<StartCardOptions>();
        return services;
    }

    public static void AddStartCardConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<ClassChangedConsumer, ClassChangedConsumerDefinition>();

    public static void ConfigureStartCardDocuments(this StoreOptions options)
    {
        // Inline: printing and using a code each read the one before it.
        options.Projections.Snapshot<StudentSetupCodeState>(SnapshotLifecycle.Inline);
        options.Schema.For<KnownClass>().Index(c => c.SchoolId);
    }

    public static void MapStartCardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapStartCardPrinting();
        app.MapSetupCodePage();
    }
}
