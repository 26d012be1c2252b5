using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Portal.Billing.Ledger.Explaining;
using Portal.Billing.Ledger.History;

namespace Portal.Billing.Ledger;

/// <summary>The term ledger: login intervals from Identity's messages, projected into <see cref="TermCharge"/>s.</summary>
public static class LedgerFeatures
{
    public static void ConfigureLedger(this StoreOptions options)
    {
        options.Schema.For<TermCharge>().Index(c => c.TermId).Index(c => c.SchoolId);
        options.Schema.For<BilledStudentName>();
        options.Projections.Snapshot<LoginHistoryState>(SnapshotLifecycle.Inline);
    }

    public static void AddLedgerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StudentLoginEnabledConsumer, StudentLoginEnabledConsumerDefinition>();
        bus.AddConsumer<StudentLoginDisabledConsumer, StudentLoginDisabledConsumerDefinition>();
        bus.AddConsumer<StudentNameConsumer, StudentNameConsumerDefinition>();
    }

    public static void MapLedgerEndpoints(this WebApplication app)
    {
        app.MapExplainTerm();
    }
}
