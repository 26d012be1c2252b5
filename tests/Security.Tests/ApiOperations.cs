using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Security.Tests;

/// <summary>One operation of a service's OpenAPI document, as the gateway exposes it (the service's prefix first).</summary>
public sealed record ApiOperation(
    string Service, string Method, string PublicPath, IReadOnlyList<string> RouteParameters,
    IReadOnlyList<(string Name, JsonElement Schema)> RequiredQuery, string? BodyContentType, JsonElement? BodySchema, JsonElement Document)
{
    public string Name => $"{Method} {PublicPath}";
}

/// <summary>
/// Every operation of every service behind the gateway, found the way a client developer would: the gateway's
/// /docs/services lists the services and their OpenAPI documents, which the gateway serves without a token.
/// </summary>
public static partial class ApiOperations
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<IReadOnlyList<ApiOperation>> DiscoverAsync(HttpClient gateway)
    {
        var services = await gateway.GetFromJsonAsync<JsonElement>("/docs/services");
        var operations = new List<ApiOperation>();
        foreach (var service in services.EnumerateArray())
        {
            var name = service.GetProperty("name").GetString()!;
            var prefix = service.GetProperty("prefix").GetString()!;
            var document = await gateway.GetFromJsonAsync<JsonElement>(service.GetProperty("openApi").GetString());
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var (contentType, schema) = BodyOf(operation.Value);
                operations.Add(new ApiOperation(name, operation.Name.ToUpperInvariant(), prefix + path.Name,
                    [.. RouteParameter().Matches(path.Name).Select(m => m.Groups[1].Value)], RequiredQueryOf(operation.Value),
                    contentType, schema, document));
            }
        }
        return operations;
    }

    private static List<(string, JsonElement)> RequiredQueryOf(JsonElement operation) =>
        !operation.TryGetProperty("parameters", out var parameters)
            ? []
            : [.. parameters.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("required", out var required) && required.GetBoolean())
                .Select(p => (p.GetProperty("name").GetString()!, p.TryGetProperty("schema", out var schema) ? schema : default))];

    /// <summary>JSON when the operation takes it, else the first content type it declares.</summary>
    private static (string?, JsonElement?) BodyOf(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
            return (null, null);
        var types = content.EnumerateObject().ToList();
        var chosen = types.FirstOrDefault(t => t.Name.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (chosen.Value.ValueKind == JsonValueKind.Undefined) chosen = types.FirstOrDefault();
        if (chosen.Value.ValueKind == JsonValueKind.Undefined) return (null, null);
        return (chosen.Name, chosen.Value.TryGetProperty("schema", out var schema) ? schema : null);
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
