using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace Portal.Identity.Oidc.Persistence.Stores;

public sealed class MartenApplicationStore(IDocumentStore store)
    : MartenOidcStore<OidcApplication>(store), IOpenIddictApplicationStore<OidcApplication>
{
    public ValueTask<OidcApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return FirstAsync(a => a.ClientId == identifier, cancellationToken);
    }

    public IAsyncEnumerable<OidcApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        return StreamAsync(q => q.Where(a => a.PostLogoutRedirectUris.Contains(uri)), cancellationToken);
    }

    public IAsyncEnumerable<OidcApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        return StreamAsync(q => q.Where(a => a.RedirectUris.Contains(uri)), cancellationToken);
    }

    protected override void DeleteDependents(IDocumentSession session, string id)
    {
        session.DeleteWhere<OidcToken>(t => t.ApplicationId == id);
        session.DeleteWhere<OidcAuthorization>(a => a.ApplicationId == id);
    }

    public ValueTask<string?> GetApplicationTypeAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(application.ApplicationType);

    public ValueTask<string?> GetClientIdAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(application.ClientId);

    public ValueTask<string?> GetClientSecretAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(application.ClientSecret);

    public ValueTask<string?> GetClientTypeAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(application.ClientType);

    public ValueTask<string?> GetConsentTypeAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(application.ConsentType);

    public ValueTask<string?> GetDisplayNameAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(application.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(
        OidcApplication application, CancellationToken cancellationToken) => new(OidcValues.ToCultures(application.DisplayNames));

    public ValueTask<JsonWebKeySet?> GetJsonWebKeySetAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(application.JsonWebKeySet is { } json ? JsonWebKeySet.Create(json) : null);

    public ValueTask<ImmutableArray<string>> GetPermissionsAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new([.. application.Permissions]);

    public ValueTask<ImmutableArray<string>> GetPostLogoutRedirectUrisAsync(
        OidcApplication application, CancellationToken cancellationToken) => new([.. application.PostLogoutRedirectUris]);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(
        OidcApplication application, CancellationToken cancellationToken) => new(OidcValues.ToImmutable(application.Properties));

    public ValueTask<ImmutableArray<string>> GetRedirectUrisAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new([.. application.RedirectUris]);

    public ValueTask<ImmutableArray<string>> GetRequirementsAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new([.. application.Requirements]);

    public ValueTask<ImmutableDictionary<string, string>> GetSettingsAsync(
        OidcApplication application, CancellationToken cancellationToken) => new(application.Settings.ToImmutableDictionary());

    public ValueTask SetApplicationTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) =>
        Set(() => application.ApplicationType = type);

    public ValueTask SetClientIdAsync(OidcApplication application, string? identifier, CancellationToken cancellationToken) =>
        Set(() => application.ClientId = identifier);

    public ValueTask SetClientSecretAsync(OidcApplication application, string? secret, CancellationToken cancellationToken) =>
        Set(() => application.ClientSecret = secret);

    public ValueTask SetClientTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) =>
        Set(() => application.ClientType = type);

    public ValueTask SetConsentTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) =>
        Set(() => application.ConsentType = type);

    public ValueTask SetDisplayNameAsync(OidcApplication application, string? name, CancellationToken cancellationToken) =>
        Set(() => application.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(
        OidcApplication application, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        Set(() => application.DisplayNames = OidcValues.ToStored(names));

    public ValueTask SetJsonWebKeySetAsync(OidcApplication application, JsonWebKeySet? set, CancellationToken cancellationToken) =>
        Set(() => application.JsonWebKeySet = set is null ? null : JsonSerializer.Serialize(set));

    public ValueTask SetPermissionsAsync(
        OidcApplication application, ImmutableArray<string> permissions, CancellationToken cancellationToken) =>
        Set(() => application.Permissions = OidcValues.ToStored(permissions));

    public ValueTask SetPostLogoutRedirectUrisAsync(
        OidcApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) =>
        Set(() => application.PostLogoutRedirectUris = OidcValues.ToStored(uris));

    public ValueTask SetPropertiesAsync(
        OidcApplication application, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => application.Properties = OidcValues.ToStored(properties));

    public ValueTask SetRedirectUrisAsync(
        OidcApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) =>
        Set(() => application.RedirectUris = OidcValues.ToStored(uris));

    public ValueTask SetRequirementsAsync(
        OidcApplication application, ImmutableArray<string> requirements, CancellationToken cancellationToken) =>
        Set(() => application.Requirements = OidcValues.ToStored(requirements));

    public ValueTask SetSettingsAsync(
        OidcApplication application, ImmutableDictionary<string, string> settings, CancellationToken cancellationToken) =>
        Set(() => application.Settings = settings.ToDictionary());
}
