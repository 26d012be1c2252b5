using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten;
using Portal.Billing.Invoices;
using Portal.Billing.Ledger;
using Portal.Billing.Ledger.History;
using Portal.Billing.Schools;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Persistence;
using Weasel.Core;

namespace Portal.Billing.Bench;

/// <summary>A Marten store laid out as Billing's (ServiceDefaults' tenancy and serializer, the ledger's and invoices' documents).</summary>
public static class BillingStore
{
    public static async Task<DocumentStore> CreateAsync(string connectionString)
    {
        var store = DocumentStore.For(options =>
        {
            // Seeding 200,000 documents in one COPY outlasts Npgsql's default 30 s on a busy shared machine.
            options.Connection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 600 }.ConnectionString);
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, configure: json => json.Converters.Add(new JsonStringEnumConverter()));
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.Schema.For<HandledMessage>().SingleTenanted();
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Schema.For<BilledSchool>();
            options.Schema.For<BillingTermCalendar>();
            options.ConfigureLedger();
            options.ConfigureInvoices();
            options.Events.AddEventType<LoginEnabledRecorded>();
            options.Events.AddEventType<LoginDisabledRecorded>();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }

    /// <summary>The UK 2026/27 terms, as Institution publishes a calendar.</summary>
    public static readonly BillingTerm[] Terms =
    [
        new("2026-autumn", "Autumn 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18)),
        new("2027-spring", "Spring 2027", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 26)),
        new("2027-summer", "Summer 2027", new DateOnly(2027, 4, 12), new DateOnly(2027, 7, 21)),
    ];

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
