using System.Net;
using System.Text.Json;

namespace Portal.Security.Tests;

/// <summary>What an error answer looks like from outside: its status, and whether it is RFC 9457 problem details.</summary>
public sealed record ProblemAnswer(HttpStatusCode Status, bool IsProblem, string Body)
{
    /// <summary>The start of the answer, for a report line.</summary>
    public string Detail => Body.Length > 240 ? Body[..240] : Body;

    public static async Task<ProblemAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && HasStatusAndTitle(body, response.StatusCode);
        return new ProblemAnswer(response.StatusCode, isProblem, body);
    }

    private static bool HasStatusAndTitle(string body, HttpStatusCode status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                   && root.TryGetProperty("status", out var code) && code.TryGetInt32(out var number) && number == (int)status;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
