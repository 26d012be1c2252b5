using System.Net;
using System.Text.Json;
using Marten;
using Portal.Roster.Imports;
using Portal.Roster.Students;
using Portal.Roster.Tests.Api;
using static Portal.Roster.Tests.Imports.ImportClient;

namespace Portal.Roster.Tests.Imports;

/// <summary>A large set runs as a job: the upload answers at once, progress moves chunk by chunk, the report pages.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class ImportJobApiTests(RosterApi api)
{
    private const int Students = 2_000;
    private const int Classes = 40;

    [Fact]
    public async Task A_generated_set_of_2000_students_runs_as_a_job_with_progress_and_a_paged_report()
    {
        var given = new Given(api);
        var school = await given.School();
        var district = api.District(given.Org);
        var org = school.ToString();
        var sample = new OneRosterSample().School(org);
        for (var c = 0; c < Classes; c++)
            sample.Class($"c-{c}", $"Group {c}", org);
        for (var s = 0; s < Students; s++)
            sample.Student($"s-{s}", org, $"Given{s}", $"Family{s}", $"{7 + s % 5}", email: $"s{s}@generated.example")
                .Enrol($"e-{s}", $"c-{s % Classes}", org, $"s-{s}");
        const int total = 1 + Students + Classes + Students;

        var (id, job) = await Upload(district, sample);

        Assert.Equal(("Queued", 0, total), (job.GetProperty("status").GetString(), Progress(job).Done, Progress(job).Total));
        var (ready, seen) = await Follow(district, id, "ReadyToApply");
        Assert.Equal((total, total - 1, 1), (Progress(ready).Done, Count(ready, "created"), Count(ready, "unchanged")));
        Assert.Equal(seen.Order(), seen);
        Assert.All(seen, done => Assert.True(done % ImportRunner.ChunkSize == 0 || done == total, $"progress {done} is not a whole chunk"));

        var page = await (await district.GetAsync($"/imports/{id}?offset=4000&limit=100")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((total, total - 4000), (page.GetProperty("report").GetProperty("matching").GetInt32(), Report(page).Count));
        Assert.Equal(("enrollments.csv", Students + 1), (Report(page)[^1].GetProperty("file").GetString(), Report(page)[^1].GetProperty("row").GetInt32()));
        var unchanged = await (await district.GetAsync($"/imports/{id}?outcome=Unchanged")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("orgs.csv", Assert.Single(Report(unchanged)).GetProperty("file").GetString());

        var applied = await Apply(district, id);
        Assert.Equal(total - 1, Count(applied, "created"));
        await using var session = api.Store.QuerySession(given.Org.ToString());
        Assert.Equal(Students, await session.Query<StudentState>().CountAsync());
    }

    private static (int Done, int Total) Progress(JsonElement job) =>
        (job.GetProperty("progress").GetProperty("done").GetInt32(), job.GetProperty("progress").GetProperty("total").GetInt32());

    /// <summary>Polls the job until the status, keeping the progress it reported on the way.</summary>
    private static async Task<(JsonElement Job, List<int> Seen)> Follow(HttpClient client, Guid id, string status)
    {
        var seen = new List<int>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var job = await (await client.GetAsync($"/imports/{id}?limit=1")).ShouldBe(HttpStatusCode.OK);
            seen.Add(Progress(job).Done);
            if (job.GetProperty("status").GetString() == status) return (job, seen);
            await Task.Delay(100);
        }
        throw new TimeoutException($"Import {id} did not reach {status}; progress seen: {string.Join(", ", seen)}.");
    }
}
