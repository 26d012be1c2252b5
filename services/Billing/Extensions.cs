using Marten;
using MassTransit;
using Portal.Billing.Invoices;
using Portal.Billing.Ledger;
using Portal.Billing.Messaging;
using Portal.Billing.Schools;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

public static class BillingExtensions
{
    public const string Audience = "portal-billing";

    public static IHostApplicationBuilder AddBillingServices(this IHostApplicationBuilder builder)
    {
        builder.AddPortalAuthentication(Audience);
        builder.AddPortalMessaging(bus =>
        {
            bus.AddConsumer<TermCalendarSetConsumer, TermCalendarSetConsumerDefinition>();
            bus.AddConsumer<InstitutionRegisteredConsumer, InstitutionRegisteredConsumerDefinition>();
            bus.AddLedgerConsumers();
        });
        builder.AddPortalMarten(options =>
        {
            options.Schema.For<BilledSchool>();
            options.Schema.For<BillingTermCalendar>();
            options.ConfigureLedger();
            options.ConfigureInvoices();
        }).AddSubscriptionWithServices<BillingMessagesPublisher>(ServiceLifetime.Singleton, _ => { });
        builder.AddInvoices();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(BillingTimeZone.From(builder.Configuration));
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapBillingEndpoints(this WebApplication app)
    {
        app.MapLedgerEndpoints();
        app.MapInvoiceEndpoints();
        return app;
    }
}
