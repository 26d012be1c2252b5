using NetArchTest.Rules;

namespace Portal.Architecture.Tests;

/// <summary>Deciders and their state are pure: no store, no broker, no HTTP. Endpoints and wiring may use them.</summary>
public sealed class DeciderPurityTests
{
    private static readonly string[] Infrastructure = ["Marten", "JasperFx", "MassTransit", "Microsoft.AspNetCore", "Npgsql"];

    [Fact]
    public void Institution_domain_types_do_not_depend_on_infrastructure()
    {
        var result = Types.InAssembly(typeof(Portal.Institution.Schools.School).Assembly)
            .That().ResideInNamespaceStartingWith("Portal.Institution")
            .And().DoNotResideInNamespace("Portal.Institution.Messaging")
            .And().DoNotResideInNamespace("Portal.Institution.Access")
            .ShouldNot().HaveDependencyOnAny(Infrastructure)
            .GetResult();

        // Endpoint classes sit in the feature folders beside the deciders by design (vertical slices), and
        // Marten's source generator adds file-local evolvers (names starting with '<') beside each state.
        var offenders = (result.FailingTypeNames ?? [])
            .Where(name => !name.Contains("Endpoints") && !name.Split('.').Last().StartsWith('<'))
            .ToList();
        Assert.True(offenders.Count == 0, "Domain types depend on infrastructure: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Institution_contracts_depend_on_nothing_of_the_service()
    {
        var result = Types.InAssembly(typeof(Portal.Institution.Contracts.InstitutionRegistered).Assembly)
            .ShouldNot().HaveDependencyOnAny([.. Infrastructure, "Portal.Institution.Schools", "Portal.ServiceDefaults"])
            .GetResult();

        Assert.True(result.IsSuccessful, "Contracts depend on: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
