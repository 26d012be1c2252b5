using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Testing;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<JsonElement> ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} {expected} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An RFC 9457 problem with the status and a detail containing the phrase.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode expected, string detailContains)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ShouldBe(expected);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        Assert.Contains(detailContains, detail ?? "", StringComparison.OrdinalIgnoreCase);
        return problem;
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> Put(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body, Json);

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();
}
