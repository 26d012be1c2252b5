using JasperFx.Events.Projections;
using Marten;
using Portal.Billing.Invoices.Issuing;
using Portal.Billing.Invoices.Viewing;
using Portal.Billing.Pricing;

namespace Portal.Billing.Invoices;

/// <summary>Termly invoices per organisation: drafts computed from the ledger, issued once and never changed.</summary>
public static class InvoiceFeatures
{
    public static void ConfigureInvoices(this StoreOptions options)
    {
        // Issued invoices are read by id and by term (finance); their one event is their snapshot.
        options.Projections.Snapshot<Invoice>(SnapshotLifecycle.Inline);
        options.Schema.For<Invoice>().Index(i => i.TermId);
        options.Schema.For<InvoiceNumberCounter>().SingleTenanted().UseOptimisticConcurrency(true);
    }

    public static IHostApplicationBuilder AddInvoices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider => PriceList.FromConfiguration(provider.GetRequiredService<IConfiguration>()));
        builder.Services.Configure<InvoiceOptions>(builder.Configuration.GetSection(InvoiceOptions.Section));
        builder.Services.AddSingleton<InvoiceIssuing>();
        builder.Services.AddSingleton<InvoiceReads>();
        builder.Services.AddSingleton<AutomaticIssuing>();
        builder.Services.AddHostedService<AutomaticIssuingService>();
        return builder;
    }

    public static void MapInvoiceEndpoints(this WebApplication app)
    {
        app.MapInvoiceViewing();
        app.MapInvoiceIssuing();
    }
}
