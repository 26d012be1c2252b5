using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Security.Tests;

/// <summary>Builds a call to an operation: route parameters filled from known ids (else fresh GUIDs), a body where one is expected.</summary>
public static class Requests
{
    /// <param name="ids">Known ids (see <see cref="RouteIds"/>); the route parameters and body properties they name get them.</param>
    public static HttpRequestMessage For(ApiOperation operation, IReadOnlyDictionary<string, string> ids, string? token, bool plausibleBody)
    {
        var (values, _) = RouteIds.Resolve(operation, ids);
        var path = operation.PublicPath;
        foreach (var parameter in operation.RouteParameters)
            path = RouteParameterPattern(parameter).Replace(path, values.TryGetValue(parameter, out var id) ? id : Guid.NewGuid().ToString());
        var query = string.Join("&", operation.RequiredQuery.Select(q =>
            $"{q.Name}={Uri.EscapeDataString(SampleJson.Text(q.Schema, operation.Document, ids, q.Name))}"));
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Length == 0 ? path : $"{path}?{query}");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (operation.BodyContentType is { } contentType)
            request.Content = Body(operation, contentType, ids, plausibleBody);
        return request;
    }

    /// <summary>A 1×1 PNG: a plausible upload for any file field (images, and CSV readers refuse it as they would any bad file).</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static System.Text.RegularExpressions.Regex RouteParameterPattern(string name) =>
        new(@"\{" + System.Text.RegularExpressions.Regex.Escape(name) + @"(:[^}]*)?\??\}");

    private static HttpContent Body(ApiOperation operation, string contentType, IReadOnlyDictionary<string, string> ids, bool plausible)
    {
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var form = new MultipartFormDataContent();
            if (plausible && operation.BodySchema is { } formSchema)
                foreach (var (name, field) in SampleJson.Fields(formSchema, operation.Document))
                {
                    if (SampleJson.IsBinary(field, operation.Document))
                        form.Add(new ByteArrayContent(TinyPng), name, "upload.png");
                    else
                        form.Add(new StringContent(SampleJson.Text(field, operation.Document, ids, name)), name);
                }
            return form;
        }
        if (!contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return new StringContent(plausible ? "a,b\n" : "", Encoding.UTF8, contentType);
        var json = plausible && operation.BodySchema is { } schema
            ? SampleJson.For(schema, operation.Document, ids)?.ToJsonString() ?? "{}"
            : "{}";
        return new StringContent(json, Encoding.UTF8, "application/json");
    }
}

/// <summary>A value that satisfies a JSON schema of the OpenAPI document, so a call gets past validation to the access check.</summary>
public static class SampleJson
{
    public static JsonNode? For(JsonElement schema, JsonElement document, IReadOnlyDictionary<string, string> ids, string? name = null, int depth = 0)
    {
        if (depth > 6) return null;
        if (schema.TryGetProperty("$ref", out var reference))
            return For(Resolve(document, reference.GetString()!), document, ids, name, depth + 1);
        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
            if (schema.TryGetProperty(combinator, out var options))
                foreach (var option in options.EnumerateArray())
                    if (For(option, document, ids, name, depth + 1) is { } value) return value;
        if (schema.TryGetProperty("enum", out var values))
            return values.EnumerateArray().Select(v => JsonNode.Parse(v.GetRawText())).FirstOrDefault(v => v is not null);

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return TypeOf(schema) switch
        {
            "object" => Object(schema, document, ids, depth),
            "array" => schema.TryGetProperty("items", out var items) && For(items, document, ids, name, depth + 1) is { } item
                ? new JsonArray(item) : new JsonArray(),
            // Years are the one number a caller must get plausible (an academic year, a term's year).
            "integer" when name?.Contains("year", StringComparison.OrdinalIgnoreCase) == true => DateTime.UtcNow.Year,
            "integer" => 1,
            "number" => 1,
            "boolean" => true,
            "string" => String(format, name, ids),
            _ when schema.TryGetProperty("properties", out _) => Object(schema, document, ids, depth),
            _ => null,
        };
    }

    /// <summary>A value for a query parameter or form field, as text.</summary>
    public static string Text(JsonElement schema, JsonElement document, IReadOnlyDictionary<string, string> ids, string name) =>
        schema.ValueKind == JsonValueKind.Undefined ? "1" : For(schema, document, ids, name) switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            { } node => node.ToJsonString(),
            null => "",
        };

    public static bool IsBinary(JsonElement schema, JsonElement document)
    {
        if (schema.TryGetProperty("$ref", out var reference)) schema = Resolve(document, reference.GetString()!);
        return schema.TryGetProperty("format", out var format) && format.GetString() == "binary";
    }

    /// <summary>The properties of an object schema (a form's fields), following references.</summary>
    public static IEnumerable<(string Name, JsonElement Schema)> Fields(JsonElement schema, JsonElement document)
    {
        if (schema.TryGetProperty("$ref", out var reference)) schema = Resolve(document, reference.GetString()!);
        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
            if (schema.TryGetProperty(combinator, out var parts))
                foreach (var part in parts.EnumerateArray())
                foreach (var field in Fields(part, document))
                    yield return field;
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject())
                yield return (property.Name, property.Value);
    }

    private static JsonObject Object(JsonElement schema, JsonElement document, IReadOnlyDictionary<string, string> ids, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject())
                result[property.Name] = For(property.Value, document, ids, property.Name, depth + 1);
        return result;
    }

    private static JsonNode String(string? format, string? name, IReadOnlyDictionary<string, string> ids)
    {
        var key = name is null ? null : name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name;
        if (format == "uuid")
            return key is not null && ids.TryGetValue(key, out var id) ? id : Guid.NewGuid().ToString();
        return format switch
        {
            "date-time" => DateTimeOffset.UtcNow.ToString("O"),
            "date" => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
            "email" => $"probe.{Guid.NewGuid():N}@security.example",
            _ when name?.Contains("email", StringComparison.OrdinalIgnoreCase) == true => $"probe.{Guid.NewGuid():N}@security.example",
            _ when name == "term" => $"{DateTime.UtcNow.Year}-autumn",
            _ => "Security probe",
        };
    }

    /// <summary>OpenAPI 3.1 writes nullable types as ["string", "null"].</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return null;
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private static JsonElement Resolve(JsonElement document, string reference)
    {
        var node = document;
        foreach (var segment in reference.TrimStart('#', '/').Split('/'))
            node = node.GetProperty(segment.Replace("~1", "/").Replace("~0", "~"));
        return node;
    }
}
