using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Portal.Identity.Accounts;
using Portal.Identity.Students.StartCards;

namespace Portal.Identity.Students;

/// <summary>Student logins: eligibility decided from Institution's settings and Roster's students (issue 6).</summary>
public static class StudentLoginFeatures
{
    public static IServiceCollection AddStudentLogins(this IServiceCollection services)
    {
        services.AddSingleton<SchoolLocks>();
        services.AddSingleton<IAccountSource, StudentAccountSource>();
        services.AddStartCards();
        return services;
    }

    public static void AddStudentLoginConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StudentLoginsConfiguredConsumer, StudentLoginsConfiguredConsumerDefinition>();
        bus.AddConsumer<RosterStudentChangedConsumer, RosterStudentChangedConsumerDefinition>();
        bus.AddStartCardConsumers();
    }

    public static void ConfigureStudentLoginDocuments(this StoreOptions options)
    {
        // Inline: sign-in reads the account at once, and each decision reads the one before it.
        options.Projections.Snapshot<StudentLoginState>(SnapshotLifecycle.Inline);
        options.Projections.Add<StudentSignInNamesProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<RosteredStudent>().Index(s => s.SchoolId);
        options.ConfigureStartCardDocuments();
    }
}
