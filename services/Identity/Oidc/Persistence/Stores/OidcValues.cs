using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Portal.Identity.Oidc.Persistence.Stores;

/// <summary>Conversions between OpenIddict's immutable shapes and the plain collections the documents serialise.</summary>
internal static class OidcValues
{
    public static ImmutableDictionary<string, JsonElement> ToImmutable(Dictionary<string, JsonElement> properties) =>
        properties.ToImmutableDictionary(p => p.Key, p => p.Value.Clone());

    public static Dictionary<string, JsonElement> ToStored(ImmutableDictionary<string, JsonElement> properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value.Clone());

    public static ImmutableDictionary<CultureInfo, string> ToCultures(Dictionary<string, string> values) =>
        values.ToImmutableDictionary(v => CultureInfo.GetCultureInfo(v.Key), v => v.Value);

    public static Dictionary<string, string> ToStored(ImmutableDictionary<CultureInfo, string> values) =>
        values.ToDictionary(v => v.Key.Name, v => v.Value);

    public static List<string> ToStored(ImmutableArray<string> values) => values.IsDefault ? [] : [.. values];
}
