using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Portal.Roster.Classes;
using Portal.Roster.Shared;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.Imports;

/// <summary>Uploading, following and applying imports through the API, as a client would.</summary>
public static class ImportClient
{
    public static MultipartFormDataContent Multipart(byte[] zip, string name = "roll.zip")
    {
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>Uploads the set and answers the job's id (the Location's last segment) and the 202's body.</summary>
    public static async Task<(Guid Id, JsonElement Job)> Upload(HttpClient client, OneRosterSample sample)
    {
        var response = await client.PostAsync("/imports", Multipart(sample.Zip()));
        var job = await response.ShouldBe(HttpStatusCode.Accepted);
        var id = job.Id();
        Assert.Equal($"/imports/{id}", response.Headers.Location?.OriginalString);
        return (id, job);
    }

    /// <summary>Polls the job until it reaches the status (or fails, or the time is up).</summary>
    public static async Task<JsonElement> WaitFor(HttpClient client, Guid id, string status, int seconds = 60, string query = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement job;
        do
        {
            job = await (await client.GetAsync($"/imports/{id}{query}")).ShouldBe(HttpStatusCode.OK);
            var now = job.GetProperty("status").GetString();
            if (now == status) return job;
            Assert.True(now != "Failed", $"The import failed: {job.GetProperty("failure")}");
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Import {id} did not reach {status} within {seconds} s: {job}");
    }

    public static async Task<JsonElement> Apply(HttpClient client, Guid id)
    {
        var accepted = await (await client.PostAsync($"/imports/{id}/apply", null)).ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal("Applying", accepted.GetProperty("status").GetString());
        return await WaitFor(client, id, "Applied");
    }

    public static IReadOnlyList<JsonElement> Report(JsonElement job) => job.GetProperty("report").GetProperty("rows").EnumerateArray().ToList();

    public static (string Outcome, string? Reason) Row(JsonElement job, string file, string sourcedId)
    {
        var row = Report(job).Single(r => r.GetProperty("file").GetString() == file && r.GetProperty("sourcedId").GetString() == sourcedId);
        return (row.GetProperty("outcome").GetString()!, row.GetProperty("reason").GetString());
    }

    public static int Count(JsonElement job, string outcome) => job.GetProperty("counts").GetProperty(outcome).GetInt32();

    /// <summary>A class as an earlier import or MIS sync left it: its id derived from the school and sourcedId.</summary>
    public static async Task<Guid> ExistingClass(RosterApi api, Guid org, Guid school, string sourcedId, string name, Guid[] teachers)
    {
        var id = RosterIds.Class(org, school, sourcedId);
        await using var session = api.Store.LightweightSession(org.ToString());
        session.Events.StartStream<ClassState>(id, Class.Decide(new SyncClass(id, school, sourcedId, name, "Maths", true, [], teachers, [],
            ClassSource.Mis, null, DateTimeOffset.UtcNow), null));
        await session.SaveChangesAsync();
        return id;
    }
}
