using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Security.Tests;

/// <summary>The ways a JSON request body can be wrong, each built for one operation of the OpenAPI documents.</summary>
public enum BodyDefect { Malformed, WrongTypeAtTop, WrongTypedProperty, WrongMediaType, OversizedDeclared, OversizedChunked }

public static class BadBodies
{
    /// <summary>The gateway's default limit (Gateway:MaxRequestBodyBytes in gateway/appsettings.json).</summary>
    public const long GatewayLimitBytes = 10 * 1024 * 1024;

    public static string Describe(BodyDefect defect) => defect switch
    {
        BodyDefect.Malformed => "body: broken JSON",
        BodyDefect.WrongTypeAtTop => "body: array for object (or the reverse)",
        BodyDefect.WrongTypedProperty => "body: a property of the wrong type",
        BodyDefect.WrongMediaType => "body: JSON sent as text/plain",
        BodyDefect.OversizedDeclared => "body: over the limit, Content-Length",
        BodyDefect.OversizedChunked => "body: over the limit, chunked",
        _ => defect.ToString(),
    };

    /// <summary>The defective body for the operation, or null when the defect does not apply (a schema with no typed property).</summary>
    public static HttpContent? For(ApiOperation operation, BodyDefect defect, IReadOnlyDictionary<string, string> ids) => defect switch
    {
        BodyDefect.Malformed => Json("""{"name": "unterminated, "count": 1"""),
        BodyDefect.WrongTypeAtTop => Json(IsObject(operation) ? """["an array", "where an object belongs"]""" : """{"an": "object where something else belongs"}"""),
        BodyDefect.WrongTypedProperty => WrongTypedProperty(operation, ids) is { } body ? Json(body) : null,
        BodyDefect.WrongMediaType => new StringContent(Plausible(operation, ids), Encoding.UTF8, "text/plain"),
        BodyDefect.OversizedDeclared => Oversized(chunked: false),
        BodyDefect.OversizedChunked => Oversized(chunked: true),
        _ => throw new ArgumentOutOfRangeException(nameof(defect)),
    };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Plausible(ApiOperation operation, IReadOnlyDictionary<string, string> ids) =>
        operation.BodySchema is { } schema ? SampleJson.For(schema, operation.Document, ids)?.ToJsonString() ?? "{}" : "{}";

    private static bool IsObject(ApiOperation operation) =>
        operation.BodySchema is not { } schema || SampleJson.For(schema, operation.Document, new Dictionary<string, string>()) is not JsonArray;

    /// <summary>
    /// A plausible body with one property given a value of another JSON kind: a number where one is expected gets text
    /// (the classic "string where number"), else a boolean, a list, or text gets a number.
    /// </summary>
    private static string? WrongTypedProperty(ApiOperation operation, IReadOnlyDictionary<string, string> ids)
    {
        if (operation.BodySchema is not { } schema || SampleJson.For(schema, operation.Document, ids) is not JsonObject body) return null;
        var properties = body.Where(p => p.Value is not null).ToList();
        JsonValueKind KindOf(JsonNode node) => node.GetValueKind();
        var chosen = properties.FirstOrDefault(p => KindOf(p.Value!) == JsonValueKind.Number).Key
                     ?? properties.FirstOrDefault(p => KindOf(p.Value!) is JsonValueKind.True or JsonValueKind.False).Key
                     ?? properties.FirstOrDefault(p => KindOf(p.Value!) == JsonValueKind.Array).Key
                     ?? properties.FirstOrDefault(p => KindOf(p.Value!) == JsonValueKind.Object).Key
                     ?? properties.FirstOrDefault(p => KindOf(p.Value!) == JsonValueKind.String).Key;
        if (chosen is null) return null;
        body[chosen] = KindOf(body[chosen]!) == JsonValueKind.String ? JsonValue.Create(12345) : JsonValue.Create("not the right type");
        return body.ToJsonString();
    }

    /// <summary>A JSON object one MiB over the gateway's limit, its length declared up front or streamed without one.</summary>
    private static HttpContent Oversized(bool chunked)
    {
        var size = GatewayLimitBytes + 1024 * 1024;
        var content = new OversizedJson(size);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (!chunked) content.Headers.ContentLength = size;
        return content;
    }

    /// <summary>Writes {"padding":"xxx…"} of exactly the given size without holding it in memory.</summary>
    private sealed class OversizedJson(long size) : HttpContent
    {
        private static readonly byte[] Start = "{\"padding\":\""u8.ToArray();
        private static readonly byte[] End = "\"}"u8.ToArray();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Start);
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            for (var left = size - Start.Length - End.Length; left > 0; left -= chunk.Length)
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
            await stream.WriteAsync(End);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
