using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Marten;
using OpenIddict.Abstractions;

namespace Portal.Identity.Oidc.Persistence.Stores;

public sealed class MartenScopeStore(IDocumentStore store)
    : MartenOidcStore<OidcScope>(store), IOpenIddictScopeStore<OidcScope>
{
    public ValueTask<OidcScope?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return FirstAsync(s => s.Name == name, cancellationToken);
    }

    public IAsyncEnumerable<OidcScope> FindByNamesAsync(ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.IsDefault ? [] : names.ToArray();
        return StreamAsync(q => q.Where(s => wanted.Contains(s.Name)), cancellationToken);
    }

    public IAsyncEnumerable<OidcScope> FindByResourceAsync(string resource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        return StreamAsync(q => q.Where(s => s.Resources.Contains(resource)), cancellationToken);
    }

    public ValueTask<string?> GetDescriptionAsync(OidcScope scope, CancellationToken cancellationToken) =>
        new(scope.Description);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDescriptionsAsync(
        OidcScope scope, CancellationToken cancellationToken) => new(OidcValues.ToCultures(scope.Descriptions));

    public ValueTask<string?> GetDisplayNameAsync(OidcScope scope, CancellationToken cancellationToken) =>
        new(scope.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(
        OidcScope scope, CancellationToken cancellationToken) => new(OidcValues.ToCultures(scope.DisplayNames));

    public ValueTask<string?> GetNameAsync(OidcScope scope, CancellationToken cancellationToken) => new(scope.Name);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(
        OidcScope scope, CancellationToken cancellationToken) => new(OidcValues.ToImmutable(scope.Properties));

    public ValueTask<ImmutableArray<string>> GetResourcesAsync(OidcScope scope, CancellationToken cancellationToken) =>
        new([.. scope.Resources]);

    public ValueTask SetDescriptionAsync(OidcScope scope, string? description, CancellationToken cancellationToken) =>
        Set(() => scope.Description = description);

    public ValueTask SetDescriptionsAsync(
        OidcScope scope, ImmutableDictionary<CultureInfo, string> descriptions, CancellationToken cancellationToken) =>
        Set(() => scope.Descriptions = OidcValues.ToStored(descriptions));

    public ValueTask SetDisplayNameAsync(OidcScope scope, string? name, CancellationToken cancellationToken) =>
        Set(() => scope.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(
        OidcScope scope, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        Set(() => scope.DisplayNames = OidcValues.ToStored(names));

    public ValueTask SetNameAsync(OidcScope scope, string? name, CancellationToken cancellationToken) =>
        Set(() => scope.Name = name);

    public ValueTask SetPropertiesAsync(
        OidcScope scope, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => scope.Properties = OidcValues.ToStored(properties));

    public ValueTask SetResourcesAsync(OidcScope scope, ImmutableArray<string> resources, CancellationToken cancellationToken) =>
        Set(() => scope.Resources = OidcValues.ToStored(resources));
}
