using Marten;
using MassTransit;

namespace Portal.Roster.Imports;

/// <summary>OneRoster 1.1 bulk import: upload, dry run, apply, as a job with progress.</summary>
public static class ImportFeatures
{
    public static void AddImportConsumers(this IBusRegistrationConfigurator bus) { }

    public static void ConfigureImportDocuments(this StoreOptions options) { }

    public static IHostApplicationBuilder AddImports(this IHostApplicationBuilder builder) => builder;

    public static void MapImportEndpoints(this IEndpointRouteBuilder app) { }
}
