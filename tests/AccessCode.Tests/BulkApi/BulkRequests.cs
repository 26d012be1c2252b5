using System.Net;
using System.Text.Json;
using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.BulkApi;

/// <summary>Requests and reads the bulk tests share.</summary>
public static class BulkRequests
{
    public static async Task<JsonElement> Enable(this HttpClient client, object body) =>
        await (await client.Post("/bulk", body)).ShouldBe(HttpStatusCode.Created);

    public static List<Guid> Students(this JsonElement job) =>
        job.GetProperty("students").EnumerateArray().Select(s => s.GetGuid()).ToList();

    public static int Count(this JsonElement job, string name) => job.GetProperty(name).GetInt32();

    public static async Task<AccessCodeState?> CodesOf(this AccessCodeApi api, Given given, Guid student)
    {
        await using var session = api.Store.QuerySession(given.Org.ToString());
        return await session.LoadAsync<AccessCodeState>(student);
    }

    /// <summary>The student's current code as printed, opened the way staff see it; null when they have none.</summary>
    public static async Task<string?> CurrentCode(this AccessCodeApi api, Given given, Guid student) =>
        await api.CodesOf(given, student) is { Code: { } code } ? api.Secrets.Open(code, student) : null;
}
